// Map geometry of states and counties from the shipped us-atlas TopoJSON, as GeoJSON by FIPS code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Geometry } from 'geojson';
import { REGISTRY_GEOMETRY_FILE } from './load-registry.ts';

let byFips: Map<string, Geometry> | undefined;

/** The GeoJSON geometry of a state (2-digit FIPS) or county (5-digit FIPS), or undefined. */
export function geometryByFips(fips: string): Geometry | undefined {
  if (!byFips) {
    const topo = JSON.parse(readFileSync(fileURLToPath(REGISTRY_GEOMETRY_FILE), 'utf8')) as Topology;
    byFips = new Map();
    for (const name of ['states', 'counties'] as const) {
      const fc = feature(topo, topo.objects[name] as GeometryCollection);
      for (const f of fc.features) if (f.id !== undefined && f.geometry) byFips.set(String(f.id), f.geometry);
    }
  }
  return byFips.get(fips);
}
