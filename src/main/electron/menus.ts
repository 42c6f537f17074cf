// The application menu and the edit context menu, as templates (no electron import, so the rules
// are unit-tested): no Reload or Developer Tools in the installed app, where a reload would drop
// unsaved work and DevTools would let anyone at the desk bypass the interface's checks.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(o: { packaged: boolean; platform: NodeJS.Platform; appName: string }): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(o.packaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ label: o.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: view },
    { label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
  ];
}

export interface SpellingActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

type MenuFacts = Pick<ContextMenuParams, 'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'selectionText' | 'editFlags'>;

/** The menu a right-click gets: spelling suggestions first on a misspelt word, then cut, copy,
 * paste and select all as the field allows; copy alone on selected text elsewhere; null for nothing. */
export function contextMenuTemplate(params: MenuFacts, spelling: SpellingActions): MenuItemConstructorOptions[] | null {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 5);
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const s of suggestions) items.push({ label: s, click: () => spelling.replaceMisspelling(s) });
    items.push({ label: 'Add to dictionary', click: () => spelling.addToDictionary(params.misspelledWord) }, { type: 'separator' });
  }
  if (params.isEditable) {
    const f = params.editFlags;
    items.push(
      { role: 'cut', enabled: f.canCut },
      { role: 'copy', enabled: f.canCopy },
      { role: 'paste', enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: f.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy' });
  }
  return items.length ? items : null;
}
