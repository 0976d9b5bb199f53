// Writes a synthetic organisation of N components (default 5,000) as one catalog file:
// 50 teams, 100 systems, services/websites/libraries with owners, systems, lifecycles,
// tags and the annotations the portal reads. Deterministic for a given N.
import fs from 'node:fs';

export function generateCatalog(file, componentCount = 5000) {
  const teams = Array.from({ length: 50 }, (_, i) => `bench-team-${i}`);
  const systems = Array.from({ length: 100 }, (_, i) => `bench-system-${i}`);
  const lifecycles = ['production', 'production', 'production', 'experimental', 'deprecated'];
  const types = ['service', 'service', 'service', 'website', 'library'];
  const docs = [];
  for (const team of teams) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team },
      spec: { type: 'team', children: [] },
    });
  }
  systems.forEach((system, i) =>
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: system },
      spec: { owner: teams[i % teams.length] },
    }),
  );
  for (let i = 0; i < componentCount; i++) {
    const name = `bench-component-${i}`;
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        description: `Synthetic component ${i} for the catalog benchmark`,
        tags: [`lang-${i % 7}`, `tier-${i % 3}`],
        annotations: {
          'github.com/project-slug': `bench/${name}`,
          'backstage.io/kubernetes-id': name,
        },
      },
      spec: {
        type: types[i % types.length],
        lifecycle: lifecycles[Math.floor(i / 7) % lifecycles.length],
        owner: teams[i % teams.length],
        system: systems[i % systems.length],
        ...(i > 0 && { dependsOn: [`component:bench-component-${i - 1}`] }),
      },
    });
  }
  fs.writeFileSync(file, docs.map(d => JSON.stringify(d)).join('\n---\n'));
  return { teams: teams.length, systems: systems.length, components: componentCount };
}
