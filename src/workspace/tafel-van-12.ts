/**
 * CCV Tafel van 12 (docs/beleving.md, "Kernteam-oordeel"): the drivers of veiligheidsbeleving
 * that registers do not show. The kernteam scores each item per area.
 * The category links are this app's own reading, used only for hints.
 */
import type { CategoryId } from './ids.ts';

export interface TafelItem {
  id: string;
  group: 'aanpakken' | 'versterken' | 'leiderschap';
  label: string;
  categories: CategoryId[];
}

export const TAFEL_GROUP_LABELS: Record<TafelItem['group'], string> = {
  aanpakken: 'Aanpakken onveiligheid',
  versterken: 'Versterken veiligheid',
  leiderschap: 'Publiek leiderschap',
};

export const TAFEL_VAN_12: readonly TafelItem[] = [
  { id: 'signaal', group: 'aanpakken', label: 'Signaalcriminaliteit en -overlast', categories: ['S3', 'S4', 'F1'] },
  { id: 'verloedering', group: 'aanpakken', label: 'Ervaren verloedering', categories: ['F1'] },
  { id: 'leefstijlen', group: 'aanpakken', label: 'Schurende leefstijlen en onbekendheid met elkaar', categories: ['S1', 'S3'] },
  { id: 'gesprek', group: 'aanpakken', label: 'Hoe er over veiligheid wordt gesproken', categories: [] },
  { id: 'verbondenheid', group: 'versterken', label: 'Sociale verbondenheid en collectieve zelfredzaamheid', categories: ['S1', 'S2'] },
  { id: 'perspectief', group: 'versterken', label: 'Perspectief en invloed', categories: ['S2', 'I1'] },
  { id: 'inrichting', group: 'versterken', label: 'Inrichting: overzichtelijk, beheersbaar, aantrekkelijk', categories: ['F2'] },
  { id: 'toezicht', group: 'versterken', label: 'Vertrouwenwekkend toezicht', categories: ['S2'] },
  { id: 'aanpak', group: 'leiderschap', label: 'Geloofwaardige en effectieve aanpak', categories: [] },
  { id: 'nazorg', group: 'leiderschap', label: 'Nazorg na schokkende incidenten', categories: [] },
  { id: 'responsiviteit', group: 'leiderschap', label: 'Responsiviteit van instanties', categories: [] },
  { id: 'communicatie', group: 'leiderschap', label: 'Communicatie en framing (veiligheid in plaats van onveiligheid)', categories: [] },
];

export const TAFEL_ITEM_IDS: readonly string[] = TAFEL_VAN_12.map((t) => t.id);
