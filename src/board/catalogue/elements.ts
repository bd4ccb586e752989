// Stickies and the trigger arrows between them.
import { z } from 'zod';
import {
  addElementInput,
  deleteElementInput,
  deleteElementsInput,
  duplicateElementsInput,
  exchangeElement,
  linkInput,
  moveElementsInput,
  unlinkAllInput,
  updateElementInput,
} from '../../domain';
import { boardMaps } from '../document';
import { addElement, deleteElement, deleteElements, duplicateElements, moveElements, updateElement } from '../elements';
import { linkElements, unlinkAll } from '../links';
import { readElementIn } from '../read';
import { DELETE, IDEMPOTENT_WRITE, WRITE, defineOperation } from './entry';
import { TYPE_HINTS, TYPE_LIST } from './fields';

const add = addElementInput.shape;
export const addElementEntry = defineOperation({
  name: 'add_element',
  title: 'Add element',
  description:
    `Add a sticky to the board; it appears live on every participant's board. Types: ${TYPE_HINTS}. ` +
    'position is the timeline column (any number; omitted: right of the last sticky of its type). Answers element_id.',
  input: z.object({
    type: add.type.describe(`One of: ${TYPE_LIST}.`),
    name: add.name.describe('Sticky text, 1–200 characters. Events in the past tense ("Order Placed").'),
    description: add.description.describe('Longer explanation (up to 5,000 characters).'),
    position: add.position.describe('Timeline position (column); 10.5 lands between 10 and 11.'),
    y: add.y.describe("Vertical pixel position on the canvas; omitted: the type's row, below stickies already there."),
    notes: add.notes.describe('Free notes (up to 5,000 characters).'),
    created_by: add.created_by.describe('Who added it.'),
    triggers: add.triggers.describe('Ids of elements this one triggers (they must exist).'),
    triggered_by: add.triggered_by.describe('Ids of elements that trigger this one (they must exist).'),
    bounded_context_id: add.bounded_context_id.describe('Id of the bounded context it belongs to.'),
    pivotal: add.pivotal.describe('true marks a domain event as pivotal: it closes a chapter of the story (events only).'),
  }),
  annotations: WRITE,
  run: (doc, input, options) => addElement(doc, input, options),
  answer: (element) => ({
    success: true,
    element_id: element.id,
    type: element.type,
    name: element.name,
    position: element.position,
    message: `Added ${element.type} '${element.name}' at position ${element.position}`,
    element: exchangeElement(element, true),
  }),
  rest: { method: 'POST', path: '/elements', status: 201, body: (element) => exchangeElement(element, true) },
});

const update = updateElementInput.shape;
export const updateElementEntry = defineOperation({
  name: 'update_element',
  title: 'Update element',
  description:
    'Change any field of a sticky. triggers replaces its outgoing links and triggered_by its incoming ones (the other ends update too); bounded_context_id null or "null" removes it from its context.',
  input: z.object({
    element_id: update.element_id.describe('The element to change.'),
    type: update.type.describe(`New type: ${TYPE_LIST}.`),
    name: update.name.describe('New sticky text, 1–200 characters.'),
    description: update.description.describe('New description.'),
    notes: update.notes.describe('New notes.'),
    position: update.position.describe('New timeline position.'),
    y: update.y.describe('New vertical pixel position.'),
    triggers: update.triggers.describe('The complete list of ids this element triggers.'),
    triggered_by: update.triggered_by.describe('The complete list of ids that trigger this element.'),
    bounded_context_id: update.bounded_context_id.describe('Context id, or null / "null" to remove it from its context.'),
    pivotal: update.pivotal.describe('true marks a domain event pivotal (it closes a chapter), false unmarks it.'),
  }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => updateElement(doc, input, options),
  answer: (element) => ({ success: true, element_id: element.id, message: `Updated ${element.type} '${element.name}'`, element: exchangeElement(element, true) }),
  rest: { method: 'PATCH', path: '/elements/{element_id}', body: (element) => exchangeElement(element, true) },
});

export const deleteElementEntry = defineOperation({
  name: 'delete_element',
  title: 'Delete element',
  description: 'Delete a sticky and every trigger link to or from it.',
  input: z.object({ element_id: deleteElementInput.shape.element_id.describe('The element to delete.') }),
  annotations: DELETE,
  run: (doc, input, options) => {
    const name = readElementIn(boardMaps(doc), String(input.element_id))?.name;
    return { ...deleteElement(doc, input, options), name };
  },
  answer: (result, input) => ({ success: true, element_id: input.element_id, message: `Deleted element '${result.name ?? input.element_id}' and its links` }),
  rest: { method: 'DELETE', path: '/elements/{element_id}' },
});

export const deleteElementsEntry = defineOperation({
  name: 'delete_elements',
  title: 'Delete elements',
  description: 'Delete several stickies at once, with every trigger link to or from them; every id must exist, or nothing is deleted.',
  input: z.object({ element_ids: deleteElementsInput.shape.element_ids.describe('Ids of the elements to delete.') }),
  annotations: DELETE,
  run: (doc, input, options) => deleteElements(doc, input, options),
  answer: (result) => ({ success: true, deleted: result.deleted, deleted_count: result.deleted.length, message: `Deleted ${result.deleted.length} elements and their links` }),
  rest: { method: 'DELETE', path: '/elements' },
});

export const moveElementsEntry = defineOperation({
  name: 'move_elements',
  title: 'Move elements',
  description: 'Move stickies on the timeline (and up or down), all in one step: what a person does by dragging a selection.',
  input: z.object({ moves: moveElementsInput.shape.moves.describe('Each element with its new position (timeline column) and, optionally, y (pixels).') }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => moveElements(doc, input, options),
  answer: (result) => ({ success: true, moved_count: result.moved, message: `Moved ${result.moved} elements` }),
  rest: { method: 'POST', path: '/elements/move' },
});

export const duplicateElementsEntry = defineOperation({
  name: 'duplicate_elements',
  title: 'Duplicate elements',
  description: 'Copy stickies, with the trigger links among them and their context, a little to the right and below (or by offset). Answers the new ids, in the order given.',
  input: z.object({
    element_ids: duplicateElementsInput.shape.element_ids.describe('Ids of the elements to copy.'),
    offset: duplicateElementsInput.shape.offset.describe('How far the copies land from the originals: {position (columns), y (pixels)}; default half a column right, 40 px down.'),
  }),
  annotations: WRITE,
  run: (doc, input, options) => duplicateElements(doc, input, options),
  answer: (result) => ({ success: true, element_ids: result.created, message: `Duplicated ${result.created.length} elements` }),
  rest: { method: 'POST', path: '/elements/duplicate', status: 201 },
});

const linkField = linkInput.shape;
export const linkElementsEntry = defineOperation({
  name: 'link_elements',
  title: 'Link elements',
  description: 'Draw a trigger arrow: `from` triggers `to` (a command triggers the event it causes, an event the policy it wakes). Drawing an arrow that is there already changes nothing.',
  input: z.object({ from: linkField.from.describe('The element that triggers.'), to: linkField.to.describe('The element it triggers.') }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => linkElements(doc, input, options),
  answer: (link) => ({ success: true, from: link.from, to: link.to, message: `Linked ${link.from} → ${link.to}` }),
  rest: { method: 'POST', path: '/links', status: 201, body: (link) => ({ from: link.from, to: link.to, created_by: link.createdBy, created_at: link.createdAt }) },
});

export const unlinkElementsEntry = defineOperation({
  name: 'unlink_elements',
  title: 'Unlink elements',
  description: 'Remove trigger arrows, all in one step; every arrow must be there, or nothing is removed.',
  input: z.object({ links: unlinkAllInput.shape.links.describe('The arrows to remove, each as its two ends: {from, to}.') }),
  annotations: DELETE,
  run: (doc, input, options) => unlinkAll(doc, input, options),
  answer: (result) => ({ success: true, removed_count: result.removed, message: `Removed ${result.removed} trigger links` }),
  rest: { method: 'DELETE', path: '/links' },
});
