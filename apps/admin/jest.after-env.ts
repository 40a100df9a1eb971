// Runs after the test framework is installed, so importing Testing Library here keeps its automatic cleanup
// (it registers afterEach at import time; from jest.setup.ts that registration would be skipped).
//
// findBy*/waitFor give up after 1 s by default. On a loaded 2-core CI host a mocked mutation followed by a refetch
// can take longer than that (the transfer-report spec failed so in CI), so wait up to 10 s: a screen that never
// shows the text still fails, it only fails later.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 10_000 });
