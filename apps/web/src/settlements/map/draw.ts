// The Leaflet side of the settlement map, in a chunk of its own that only map screens load.
// Everything is drawn on one canvas (preferCanvas): a few thousand structures stay smooth on a
// cheap phone, where as many SVG or DOM markers would not. No tiles unless a tile URL is set.
import type { Boundary, Facility, Point, Section, Structure } from '@coproduce/contract';
import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { draftLayer } from './draft.ts';
import { facilitySymbol, type SymbolStyle, shapeCorners, statusSymbols } from './symbols.ts';

export interface MapContent {
  boundary: Boundary | null;
  sections: Section[];
  structures: Structure[];
  facilities: Facility[];
}

export interface MapEvents {
  /** A tap on a structure or facility; `point` is where the tap was (to place one beside it). */
  onStructure: (structure: Structure, point: Point) => void;
  onFacility: (facility: Facility, point: Point) => void;
  /** A tap on the map itself (not on a structure): where to place or move one. */
  onTap: (point: Point) => void;
}

export interface DrawnMap {
  setStructures: (structures: Structure[]) => void;
  /** Draw the boundary and sections again (after one was drawn and saved). */
  setShapes: (boundary: Boundary | null, sections: Section[]) => void;
  /** The corners of a boundary being drawn, or null when none is; `chosen` is picked to move. */
  setDraft: (points: Point[] | null, chosen?: number | null) => void;
  /** The corner within a finger's width (on screen) of `point`, nearest first; null if none. */
  cornerNear: (point: Point, corners: Point[]) => number | null;
  /** The structure drawn nearest `point` within a finger's width on screen, or null. */
  structureNear: (point: Point) => Structure | null;
  /** The centre of the view, for placing a structure with the keyboard. */
  centre: () => Point;
  invalidateSize: () => void;
  destroy: () => void;
}

interface SymbolOptions extends L.CircleMarkerOptions {
  symbol: SymbolStyle;
}

// A circle marker that draws its own shape on the canvas (Leaflet's canvas renderer draws only
// circles and paths); hit testing stays the circle's, which is what a finger needs anyway.
const SymbolMarker = L.CircleMarker.extend({
  _updatePath(this: L.CircleMarker & { _renderer: CanvasInternals }) {
    this._renderer._updateSymbol(this);
  },
}) as unknown as new (
  latlng: L.LatLngExpression,
  options: SymbolOptions,
) => L.CircleMarker;

interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
  _fillStroke: (ctx: CanvasRenderingContext2D, layer: unknown) => void;
  _updateSymbol: (layer: unknown) => void;
}

interface SymbolLayer {
  _point: L.Point;
  _radius: number;
  _empty: () => boolean;
  options: SymbolOptions;
}

L.Canvas.include({
  _updateSymbol(this: CanvasInternals, layer: SymbolLayer) {
    if (!this._drawing || layer._empty()) return;
    const { x, y } = layer._point;
    const r = Math.max(Math.round(layer._radius), 1);
    const ctx = this._ctx;
    const symbol = layer.options.symbol;
    ctx.beginPath();
    const corners = shapeCorners(symbol.shape, x, y, r);
    if (corners) {
      for (const [i, [cx, cy]] of corners.entries()) {
        if (i === 0) ctx.moveTo(cx, cy);
        else ctx.lineTo(cx, cy);
      }
      ctx.closePath();
    } else ctx.arc(x, y, r, 0, Math.PI * 2, false);
    this._fillStroke(ctx, layer);
    if (symbol.slash) {
      ctx.beginPath();
      ctx.moveTo(x - r, y + r);
      ctx.lineTo(x + r, y - r);
      ctx.stroke();
    }
  },
});

const latLng = (point: Point): L.LatLngExpression => [point.lat, point.lon];
const pointOf = (event: L.LeafletMouseEvent): Point => ({ lat: event.latlng.lat, lon: event.latlng.lng });

function symbolOptions(symbol: SymbolStyle, radius: number, renderer: L.Renderer): SymbolOptions {
  return {
    renderer,
    radius,
    symbol,
    color: symbol.stroke,
    weight: symbol.hollow ? 3 : 1,
    fillColor: symbol.hollow ? '#ffffff' : symbol.fill,
    fillOpacity: 1,
    bubblingMouseEvents: false,
  };
}

/** How near a tap must be to a corner to pick it: about a fingertip on a phone. */
const fingerPixels = 22;

/** Structure symbols grow as one zooms in, so shapes can be told apart close up. */
const structureRadius = (zoom: number) => (zoom >= 19 ? 8 : zoom >= 17 ? 6 : 4);

export function drawMap(
  container: HTMLElement,
  content: MapContent,
  events: MapEvents,
  options: {
    tileUrl: string | null;
    tileAttribution: string;
    /** What the first view shows (a researcher's section); the settlement when not given. */
    fitTo?: Boundary | null;
  },
): DrawnMap {
  const renderer = L.canvas({ padding: 0.3 });
  const map = L.map(container, {
    preferCanvas: true,
    renderer,
    maxZoom: 22,
    zoomSnap: 0.25,
    attributionControl: Boolean(options.tileUrl),
  });
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, {
      maxZoom: 22,
      maxNativeZoom: 19,
      attribution: options.tileAttribution,
    }).addTo(map);
  }

  const shapes = L.featureGroup().addTo(map);
  const setShapes = (boundary: Boundary | null, sections: Section[]) => {
    shapes.clearLayers();
    if (boundary) {
      L.geoJSON(boundary as GeoJsonObject, {
        style: { color: '#1f4e79', weight: 3, fill: true, fillColor: '#ffffff', fillOpacity: 0.6 },
        interactive: false,
      }).addTo(shapes);
    }
    for (const section of sections) {
      if (!section.boundary) continue;
      L.geoJSON(section.boundary as GeoJsonObject, {
        style: { color: '#4a4a4a', weight: 1.5, dashArray: '6 4', fill: false },
        interactive: false,
      })
        // The section's code at its middle, as painted numbers start with it.
        .bindTooltip(section.code, { permanent: true, direction: 'center', className: 'section-label' })
        .addTo(shapes);
    }
  };
  setShapes(content.boundary, content.sections);

  const structureLayer = L.layerGroup().addTo(map);
  const facilityLayer = L.layerGroup().addTo(map);
  let structureMarkers: L.CircleMarker[] = [];
  let drawnStructures: Structure[] = [];

  const setStructures = (structures: Structure[]) => {
    structureLayer.clearLayers();
    const radius = structureRadius(map.getZoom() || 16);
    structureMarkers = [];
    drawnStructures = structures;
    for (const structure of structures) {
      if (!structure.point) continue;
      const marker = new SymbolMarker(
        latLng(structure.point),
        symbolOptions(statusSymbols[structure.status], radius, renderer),
      );
      marker.on('click', (event: L.LeafletMouseEvent) => events.onStructure(structure, pointOf(event)));
      structureMarkers.push(marker);
      structureLayer.addLayer(marker);
    }
  };

  for (const facility of content.facilities) {
    const marker = new SymbolMarker(
      latLng(facility.point),
      symbolOptions(facilitySymbol(facility.type, facility.functional), 7, renderer),
    );
    marker.on('click', (event: L.LeafletMouseEvent) => events.onFacility(facility, pointOf(event)));
    facilityLayer.addLayer(marker);
  }

  const points = [...content.structures, ...content.facilities].flatMap((item) =>
    item.point ? [latLng(item.point)] : [],
  );
  const focus = options.fitTo ? L.geoJSON(options.fitTo as GeoJsonObject).getBounds() : null;
  const bounds = focus?.isValid()
    ? focus
    : shapes.getLayers().length > 0
      ? shapes.getBounds()
      : L.latLngBounds(points);
  const fit = () => {
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
    else map.setView([-33.93, 18.6], 14, { animate: false });
  };
  fit();
  // Until someone moves the map, it keeps the whole settlement in view (a phone turned sideways).
  let touched = false;
  const touch = () => {
    touched = true;
  };
  for (const type of ['pointerdown', 'wheel', 'keydown'] as const) container.addEventListener(type, touch);
  map.on('resize', () => {
    if (!touched) fit();
  });

  setStructures(content.structures);
  map.on('zoomend', () => {
    const radius = structureRadius(map.getZoom());
    for (const marker of structureMarkers) marker.setRadius(radius);
  });
  map.on('click', (event: L.LeafletMouseEvent) =>
    events.onTap({ lat: event.latlng.lat, lon: event.latlng.lng }),
  );

  const draft = draftLayer(map, renderer);
  const pixelsTo = (from: Point, to: Point) =>
    map.latLngToContainerPoint(latLng(from)).distanceTo(map.latLngToContainerPoint(latLng(to)));

  return {
    setStructures,
    setShapes,
    setDraft: draft.set,
    cornerNear: (point, corners) => nearest(corners, (corner) => pixelsTo(point, corner)),
    structureNear: (point) => {
      const placed = drawnStructures.filter((s) => s.point);
      const i = nearest(placed, (s) => pixelsTo(point, s.point as Point));
      return i === null ? null : (placed[i] ?? null);
    },
    centre: () => {
      const c = map.getCenter();
      return { lat: c.lat, lon: c.lng };
    },
    invalidateSize: () => map.invalidateSize(),
    destroy: () => map.remove(),
  };
}

/** The index of the nearest of `items` within a finger's width, by `pixels` to each; null if none. */
function nearest<T>(items: T[], pixels: (item: T) => number): number | null {
  let best: number | null = null;
  let bestPixels = fingerPixels;
  for (const [i, item] of items.entries()) {
    const away = pixels(item);
    if (away <= bestPixels) {
      bestPixels = away;
      best = i;
    }
  }
  return best;
}
