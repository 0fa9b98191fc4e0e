#!/usr/bin/env node
// The `accordance` command: runs the TypeScript sources directly on the pinned Node 24 (docs/adr/0005).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `accordance: needs Node 24 or later (this is ${process.versions.node}); run it through npx or npm run, which use the pinned node_modules/.bin/node\n`,
  );
  process.exit(1);
}
const { cli } = await import('../src/main.ts');
const code = await cli(process.argv.slice(2), process.env);
if (code >= 0) process.exitCode = code;
