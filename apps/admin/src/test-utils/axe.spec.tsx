import { render } from '@testing-library/react';
import { seriousAxeViolations } from './axe';

describe('seriousAxeViolations', () => {
  it('finds what the login page had: a button directly inside a list, and a name that hides the visible text', async () => {
    const { container } = render(
      <main>
        <ul>
          <button type="button" aria-label="Inloggen als iemand anders">
            Marieke Verhoef
          </button>
        </ul>
      </main>,
    );
    const found = await seriousAxeViolations(container);
    expect(found.some((v) => v.startsWith('list:'))).toBe(true);
  });

  it('passes a list of buttons in list items, named by their text', async () => {
    const { container } = render(
      <main>
        <ul>
          <li>
            <button type="button">Marieke Verhoef</button>
          </li>
        </ul>
      </main>,
    );
    expect(await seriousAxeViolations(container)).toEqual([]);
  });
});
