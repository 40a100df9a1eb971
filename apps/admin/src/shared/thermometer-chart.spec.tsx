import { render, screen } from '@testing-library/react';
import { ThermometerChart, toThermometerData } from './thermometer-chart';

describe('thermometer chart data', () => {
  it('keeps attended sessions with a score, sorted by date, one point per day, clamped to 1–10', () => {
    const data = toThermometerData([
      { date: '2026-11-12', attended: true, thermometer: 6 },
      { date: '2026-11-05', attended: true, thermometer: 4 },
      { date: '2026-11-19', attended: false, thermometer: null },
      { date: '2026-11-26', attended: true, thermometer: null },
      { date: '2026-12-03', attended: true, thermometer: 12 },
      { date: '2026-12-03', attended: true, thermometer: 8 },
    ]);
    expect(data.map((d) => [d.date, d.score])).toEqual([
      ['2026-11-05', 4],
      ['2026-11-12', 6],
      ['2026-12-03', 8],
    ]);
    expect(data[0].label).toBe('5 nov.');
  });

  it('says so when there is nothing to show, and summarises the chart for screen readers', () => {
    const { rerender } = render(<ThermometerChart sessions={[]} />);
    expect(screen.getByText('Nog geen sessies met een thermometerscore.')).toBeTruthy();
    rerender(<ThermometerChart sessions={[{ date: '2026-11-05', attended: true, thermometer: 7 }]} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Thermometer: 1 meting, laatste score 7 op donderdag 5 november 2026.');
  });
});
