/** Entry of the bench page: the floor or the peer, by `?page=`. */
import { params } from './bench-page.ts';

if (params.get('page') === 'peer') await import('./peer.ts');
else await import('./floor.ts');
