/**
 * What can colour the map, as the Kaartkleur list offers it: the overall
 * score, each sphere with its categories, and the outcomes (the two dials
 * and their gap), which are never averaged into the rest. The list in
 * src/ui/Controls.svelte and the check of a link's `cat=`
 * (src/state/link-check.ts) both read it. Pure.
 */
import { GAP_TARGET } from '../beleving/gap.ts';
import type { KompasModel } from '../model/kompas/types.ts';

export interface MapTargetGroup {
  /** Shown as an optgroup; null for the overall score at the top. */
  label: string | null;
  targets: { id: string; label: string }[];
}

export function mapTargetGroups(model: KompasModel): MapTargetGroup[] {
  return [
    { label: null, targets: [{ id: model.overall.id, label: `${model.overall.label} (alle categorieën behalve F3)` }] },
    ...model.spheres.map((sphere) => ({
      label: `Sfeer ${sphere.label}`,
      targets: [
        { id: sphere.id, label: `${sphere.label} (sfeer, gemiddelde)` },
        ...model.categories.filter((c) => c.sphere === sphere.id).map((c) => ({ id: c.id, label: `${c.id} ${c.label}` })),
      ],
    })),
    {
      label: 'Uitkomsten (apart, nooit gemiddeld)',
      targets: [...model.dials.map((d) => ({ id: d.id, label: `${d.label} (${d.basisLabel})` })), { id: GAP_TARGET, label: 'Kloof: objectief vs beleving (kwadranten)' }],
    },
  ];
}

export function isMapTarget(model: KompasModel, id: string): boolean {
  return mapTargetGroups(model).some((g) => g.targets.some((t) => t.id === id));
}
