import * as fs from 'node:fs';
import * as path from 'node:path';

// The images in infra/docker install the npm workspaces from their manifests and run the built libraries through the
// workspace symlinks node_modules/@zorgroute/<lib> -> libs/<lib>. A library left out of a Dockerfile builds fine and
// fails only when the container starts ("Cannot find module '@zorgroute/…'"); nothing else runs these files here.
const root = path.resolve(__dirname, '../../../..');
const libs = fs
  .readdirSync(path.join(root, 'libs'))
  .filter((name) => fs.existsSync(path.join(root, 'libs', name, 'package.json')))
  .sort();
const dockerfile = (name: string) => fs.readFileSync(path.join(root, 'infra/docker', name), 'utf8');
const count = (text: string, line: string) => text.split('\n').filter((l) => l.trim() === line).length;

describe('infra/docker: every workspace library is in the images', () => {
  it('finds the libraries', () => {
    expect(libs).toEqual(expect.arrayContaining(['dates', 'domain', 'processes', 'workflows']));
  });

  it.each(['api.Dockerfile', 'worker.Dockerfile', 'admin.Dockerfile'])('%s installs every library manifest in each install stage', (name) => {
    const text = dockerfile(name);
    const stages = count(text, 'COPY apps/api/package.json apps/api/package.json');
    expect(stages).toBeGreaterThan(0);
    for (const lib of libs) expect(`${lib}: ${count(text, `COPY libs/${lib}/package.json libs/${lib}/package.json`)}`).toBe(`${lib}: ${stages}`);
  });

  it.each(['api.Dockerfile', 'worker.Dockerfile'])('%s runs with every built library', (name) => {
    const text = dockerfile(name);
    for (const lib of libs) {
      expect(`${lib}: ${count(text, `COPY --from=build /app/libs/${lib}/dist libs/${lib}/dist`)}`).toBe(`${lib}: 1`);
      expect(`${lib}: ${count(text, `COPY --from=build /app/libs/${lib}/package.json libs/${lib}/package.json`)}`).toBe(`${lib}: 1`);
    }
  });
});
