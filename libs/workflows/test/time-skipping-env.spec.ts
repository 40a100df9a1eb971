import { isStartTimeout } from './time-skipping-env';

describe('isStartTimeout', () => {
  it('retries only the SDK start-up timeout of the test server', () => {
    expect(
      isStartTimeout(
        new Error(
          "Failed to start ephemeral server: ephemeral server at 127.0.0.1:46215 did not start within 5s. Make sure another download isn't stuck and delete the temp file.: Server connection error",
        ),
      ),
    ).toBe(true);
    expect(isStartTimeout(new Error('failed to start ephemeral server: ephemeral server executable does not exist: /x'))).toBe(false);
    expect(isStartTimeout('did not start within')).toBe(false);
  });
});
