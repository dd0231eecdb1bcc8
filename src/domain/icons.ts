/**
 * Names of the local SVG pictures in `src/icons/<name>.svg`.
 * Content files may only name these; the content schema rejects anything else,
 * and a unit test checks every name has its file.
 */
export const ICON_NAMES = [
  'family',
  'child',
  'adult',
  'home',
  'group-home',
  'calendar',
  'clock',
  'phone',
  'email',
  'document',
  'question',
  'check',
  'cross',
  'info',
  'map-pin',
  'people',
  'heart',
  'hand',
  'workshop',
  'talk',
  'rest',
  'euro',
  'shield',
  'star',
  'school',
  'doctor',
  'search',
  'list',
  'arrow-right',
  'building',
  'warning',
] as const;

export type IconName = (typeof ICON_NAMES)[number];
