/**
 * The month the voortgang view looks at, shared by the view in the
 * workspace panel and its section in the printed report, so the report
 * shows the month the user chose on screen. Starts at this month.
 */
import { currentMonth, type Month } from '../../workspace/model.ts';

export const voortgangMoment = $state<{ month: Month }>({ month: currentMonth() });
