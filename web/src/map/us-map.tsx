// The United States drawn offline with d3-geo from the shipped us-atlas TopoJSON, coloured by status.
import { useEffect, useMemo, useState } from 'react';
import { geoAlbersUsa, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import type { MapJurisdiction } from '../../../src/api/response-types.ts';

const WIDTH = 975;
const HEIGHT = 610;

let topoPromise: Promise<Topology> | undefined;
const loadTopology = () =>
  (topoPromise ??= fetch('/geo/us-atlas-counties-10m.json').then((r) => {
    if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  }));

type Shapes = {
  states: Map<string, Feature<Geometry>>;
  counties: Map<string, Feature<Geometry>>;
  countyMesh: string;
  nation: string;
  stateMesh: string;
};

const projection = geoAlbersUsa()
  .scale(1300)
  .translate([WIDTH / 2, HEIGHT / 2]);
const path = geoPath(projection);

function useShapes(): { shapes: Shapes | undefined; error: string | undefined } {
  const [shapes, setShapes] = useState<Shapes>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    loadTopology()
      .then((topo) => {
        if (!live) return;
        const states = feature(topo, topo.objects.states as GeometryCollection).features;
        const counties = feature(topo, topo.objects.counties as GeometryCollection).features;
        setShapes({
          states: new Map(states.map((f) => [String(f.id), f])),
          counties: new Map(counties.map((f) => [String(f.id), f])),
          countyMesh: path(mesh(topo, topo.objects.counties as GeometryCollection, (a, b) => a !== b)) ?? '',
          stateMesh: path(mesh(topo, topo.objects.states as GeometryCollection, (a, b) => a !== b)) ?? '',
          nation: path(mesh(topo, topo.objects.nation as GeometryCollection)) ?? '',
        });
      })
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, []);
  return { shapes, error };
}

export function UsMap(props: {
  jurisdictions: readonly MapJurisdiction[];
  labels: Readonly<Record<string, string>>;
  hrefOf: (id: string) => string;
}) {
  const { shapes, error } = useShapes();
  const [hover, setHover] = useState<MapJurisdiction>();
  const layers = useMemo(() => {
    if (!shapes) return undefined;
    const areas: { j: MapJurisdiction; d: string }[] = [];
    const points: { j: MapJurisdiction; x: number; y: number }[] = [];
    for (const j of props.jurisdictions) {
      if (j.point) {
        const xy = projection([j.point[0], j.point[1]]);
        if (xy) points.push({ j, x: xy[0], y: xy[1] });
      } else if (j.fips) {
        const f = (j.fips.length === 2 ? shapes.states : shapes.counties).get(j.fips);
        const d = f ? path(f) : null;
        if (d) areas.push({ j, d });
      }
    }
    // States under counties under places, so nothing hides a smaller government.
    areas.sort((a, b) => (a.j.kind === 'state' ? 0 : 1) - (b.j.kind === 'state' ? 0 : 1));
    return { areas, points };
  }, [shapes, props.jurisdictions]);

  if (error) return <p role="alert">The map could not be drawn: {error}</p>;
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby="map-title" data-testid="us-map">
        <title id="map-title">Map of the United States coloured by each jurisdiction’s status</title>
        {shapes && (
          <g>
            <path d={shapes.nation} className="map__nation" />
            <path d={shapes.countyMesh} className="map__county-mesh" />
            {layers?.areas.map(({ j, d }) => (
              <a
                key={j.id}
                href={props.hrefOf(j.id)}
                aria-label={`${j.name}: ${props.labels[j.category] ?? j.category}`}
              >
                <path
                  d={d}
                  className={`map__area map__area--${j.kind} cat-${j.category}`}
                  data-id={j.id}
                  data-category={j.category}
                  onMouseEnter={() => setHover(j)}
                  onMouseLeave={() => setHover(undefined)}
                  onFocus={() => setHover(j)}
                >
                  <title>{`${j.name} — ${props.labels[j.category] ?? j.category}`}</title>
                </path>
              </a>
            ))}
            <path d={shapes.stateMesh} className="map__state-mesh" />
            {layers?.points.map(({ j, x, y }) => (
              <a
                key={j.id}
                href={props.hrefOf(j.id)}
                aria-label={`${j.name}: ${props.labels[j.category] ?? j.category}`}
              >
                <circle
                  cx={x}
                  cy={y}
                  r={6}
                  className={`map__place cat-${j.category}`}
                  data-id={j.id}
                  data-category={j.category}
                  onMouseEnter={() => setHover(j)}
                  onMouseLeave={() => setHover(undefined)}
                >
                  <title>{`${j.name} — ${props.labels[j.category] ?? j.category}`}</title>
                </circle>
              </a>
            ))}
          </g>
        )}
      </svg>
      <figcaption aria-live="polite" className="map__hover">
        {hover
          ? `${hover.name}: ${props.labels[hover.category] ?? hover.category}`
          : 'Hover or focus a jurisdiction; click to open it.'}
      </figcaption>
    </figure>
  );
}
