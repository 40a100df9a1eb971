import { render, screen } from '@testing-library/react';
import { PupilLeftBanner, PupilLeftChip, pupilLeftText } from './pupil-left';

describe('pupil who left', () => {
  it('says so in words on the case page, and marks the case in lists', () => {
    expect(pupilLeftText('2026-11-02T10:00:00Z')).toMatch(/^Leerling staat niet meer ingeschreven \(uitgeschreven op maandag 2 november 2026\)/);
    render(
      <>
        <PupilLeftBanner leftAt="2026-11-02T10:00:00Z" />
        <PupilLeftChip leftAt="2026-11-02T10:00:00Z" />
      </>,
    );
    expect(screen.getByTestId('pupil-left-banner').textContent).toContain('Leerling staat niet meer ingeschreven');
    expect(screen.getByText('Uitgeschreven')).toBeTruthy();
  });

  it('shows nothing for an enrolled pupil', () => {
    const { container } = render(
      <>
        <PupilLeftBanner leftAt={null} />
        <PupilLeftChip leftAt={undefined} />
      </>,
    );
    expect(container.textContent).toBe('');
  });
});
