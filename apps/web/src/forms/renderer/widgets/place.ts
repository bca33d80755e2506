// Where a geopoint may be placed on a map instead of by GPS: the screen around the form provides
// one (collection mode, with the researcher's area from the phone's copy); the renderer knows no
// settlements, so without a provider the question offers typing and the phone's location only.
import { createContext, type JSX } from 'preact';

export interface PlacedPoint {
  lat: number;
  lon: number;
}

export interface PlaceProps {
  /** The point answered so far, drawn on the map; null when none yet. */
  point: PlacedPoint | null;
  onPlace: (point: PlacedPoint) => void;
}

export type PlaceOnMap = (props: PlaceProps) => JSX.Element;

export const PlaceContext = createContext<PlaceOnMap | null>(null);

/** ODK's answer for a point placed by hand: no altitude, accuracy 0 (it was not measured). */
export function placedAnswer(point: PlacedPoint): [string, string, string, string] {
  return [point.lat.toFixed(7), point.lon.toFixed(7), '0', '0'];
}

/** The point an answer's typed latitude and longitude make, or null while either is not a number. */
export function pointOf(typed: readonly string[] | undefined): PlacedPoint | null {
  const [lat = '', lon = ''] = typed ?? [];
  if (lat.trim() === '' || lon.trim() === '') return null;
  const point = { lat: Number(lat), lon: Number(lon) };
  return Number.isFinite(point.lat) && Number.isFinite(point.lon) ? point : null;
}
