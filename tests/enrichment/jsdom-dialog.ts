/**
 * jsdom has no modal dialogs: enough of one (open attribute, close event) for
 * the import dialogs' component tests. Call once at the top of a test file.
 */
import { beforeAll } from 'vitest';

export function withDialogs() {
  beforeAll(() => {
    const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal(): void };
    proto.showModal = function (this: HTMLDialogElement) { this.setAttribute('open', ''); };
    proto.close = function (this: HTMLDialogElement) { this.removeAttribute('open'); this.dispatchEvent(new Event('close')); };
  });
}
