// The shape being drawn on the settlement map: its corners as dots and the lines between them,
// with the line that will close the ring dashed. Drawn on the map's canvas, not interactive, so
// a tap on a corner or line is a tap on the map (another corner). Part of the map's own chunk.
import type { Point } from '@coproduce/contract';
import L from 'leaflet';

export interface Draft {
  /** The corners so far; null ends drawing (and lets a double tap zoom again). `chosen` is the
   * corner picked to move, drawn larger and filled. */
  set: (points: Point[] | null, chosen?: number | null) => void;
}

const ink = '#b3261e';

export function draftLayer(map: L.Map, renderer: L.Renderer): Draft {
  const layer = L.layerGroup().addTo(map);
  return {
    set(points, chosen = null) {
      layer.clearLayers();
      // Quick taps at corners are corners, not a double tap that zooms in.
      if (points) map.doubleClickZoom.disable();
      else map.doubleClickZoom.enable();
      if (!points || points.length === 0) return;
      const latLngs = points.map((p): L.LatLngTuple => [p.lat, p.lon]);
      const line = { renderer, interactive: false, color: ink, weight: 3 };
      if (latLngs.length > 1) L.polyline(latLngs, line).addTo(layer);
      if (latLngs.length > 2)
        L.polyline([latLngs.at(-1) as L.LatLngTuple, latLngs[0] as L.LatLngTuple], {
          ...line,
          weight: 2,
          dashArray: '6 6',
        }).addTo(layer);
      for (const [i, at] of latLngs.entries())
        L.circleMarker(at, {
          renderer,
          interactive: false,
          radius: i === chosen ? 10 : i === 0 ? 7 : 5,
          color: i === chosen ? '#000000' : ink,
          weight: i === chosen ? 3 : 2,
          fillColor: i === 0 || i === chosen ? ink : '#ffffff',
          fillOpacity: 1,
        }).addTo(layer);
    },
  };
}
