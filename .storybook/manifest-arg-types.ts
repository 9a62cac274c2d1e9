// Storybook's docs tables and controls from our Custom Elements Manifest. Storybook's own extractor
// keys every row by its bare name, so a part or an event named like a property (`period`, `chart`)
// replaces that property's row, and it gives events, parts and custom properties an object control.
// Here attributes (keyed by attribute name, as stories set them) and properties get controls (when their type is one a control can edit); events,
// parts, custom properties, slots and methods are documented without one.
import type { ArgTypes } from '@storybook/web-components-vite';

interface Item {
  name: string;
  kind?: string;
  fieldName?: string;
  description?: string;
  type?: { text?: string };
  default?: string;
  readonly?: boolean;
  static?: boolean;
  privacy?: string;
}
interface Declaration {
  tagName?: string;
  description?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

type Control = { type: 'text' | 'boolean' | 'number' } | false;
const CONTROLS: Record<string, 'text' | 'boolean' | 'number'> = { string: 'text', boolean: 'boolean', number: 'number' };

/** A control for a plain type (`string | undefined` counts as `string`); none for functions, objects, aliases. */
function controlFor(type = ''): Control {
  const base = type.replace(/\s*\|\s*undefined/g, '').trim();
  return CONTROLS[base] ? { type: CONTROLS[base] } : false;
}

const row = (item: Item, category: string, name = item.name, control: Control = false) => ({
  name,
  description: item.description,
  control,
  table: { category, type: { summary: item.type?.text }, defaultValue: item.default === undefined ? undefined : { summary: item.default } },
});

export function manifestArgTypes(manifest: Manifest) {
  const declaration = (tag: string) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  return {
    extractComponentDescription: (tag: string) => declaration(tag)?.description,
    extractArgTypes: (tag: string): ArgTypes | null => {
      const d = declaration(tag);
      if (!d) return null;
      const types: ArgTypes = {};
      const attributeOf = new Map((d.attributes ?? []).map((a) => [a.fieldName ?? a.name, a]));
      for (const member of d.members ?? []) {
        if (member.static || member.privacy) continue;
        if (member.kind === 'method') {
          types[`method:${member.name}`] = row(member, 'methods', `${member.name}()`);
          continue;
        }
        const attribute = attributeOf.get(member.name);
        const control = member.readonly ? false : controlFor(member.type?.text);
        // Keyed by the attribute name: stories set attributes (`show-empty`), so their args are these rows.
        types[attribute?.name ?? member.name] = row(member, attribute ? 'attributes' : 'properties', attribute ? `${attribute.name} / .${member.name}` : `.${member.name}`, control);
      }
      for (const attribute of d.attributes ?? []) {
        types[attribute.name] ??= row(attribute, 'attributes', attribute.name, controlFor(attribute.type?.text));
      }
      for (const event of d.events ?? []) {
        types[`event:${event.name}`] = { ...row(event, 'events'), action: event.name };
      }
      for (const slot of d.slots ?? []) types[`slot:${slot.name}`] = row(slot, 'slots', slot.name || '(default)');
      for (const part of d.cssParts ?? []) types[`part:${part.name}`] = row(part, 'css shadow parts');
      for (const prop of d.cssProperties ?? []) types[`css:${prop.name}`] = row(prop, 'css custom properties');
      return types;
    },
  };
}
