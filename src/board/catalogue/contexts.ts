// Bounded contexts and which elements belong to them.
import { z } from 'zod';
import { assignToContextInput, createContextInput, deleteContextInput, unassignInput, updateContextInput } from '../../domain';
import { assignToContext, createContext, deleteContext, unassignFromContext, updateContext } from '../contexts';
import { DELETE, IDEMPOTENT_WRITE, WRITE, defineOperation } from './entry';

const contextResource = (c: { id: string; name: string; description: string; color: string; createdAt: string; updatedAt: string }) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  color: c.color,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export const createContextEntry = defineOperation({
  name: 'create_bounded_context',
  title: 'Create bounded context',
  description: 'Create a bounded context (a named, coloured group of elements). Answers context_id for eventstorming_assign_to_context.',
  input: z.object({
    name: createContextInput.shape.name.describe('Context name, 1–200 characters.'),
    description: createContextInput.shape.description.describe('What the context is responsible for.'),
    color: createContextInput.shape.color.describe('CSS hex colour like #3498db; omitted: a distinct one is chosen.'),
  }),
  annotations: WRITE,
  run: (doc, input, options) => createContext(doc, input, options),
  answer: (context) => ({ success: true, context_id: context.id, name: context.name, color: context.color, message: `Bounded context '${context.name}' created successfully` }),
  rest: { method: 'POST', path: '/contexts', status: 201, body: contextResource },
});

export const updateContextEntry = defineOperation({
  name: 'update_bounded_context',
  title: 'Update bounded context',
  description: 'Rename, re-describe or recolour a bounded context.',
  input: z.object({
    context_id: updateContextInput.shape.context_id.describe('The bounded context.'),
    name: updateContextInput.shape.name.describe('New name.'),
    description: updateContextInput.shape.description.describe('New description.'),
    color: updateContextInput.shape.color.describe('New CSS hex colour like #2ecc71.'),
  }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => updateContext(doc, input, options),
  answer: (context) => ({ success: true, context_id: context.id, name: context.name, color: context.color, message: `Updated bounded context '${context.name}'` }),
  rest: { method: 'PATCH', path: '/contexts/{context_id}', body: contextResource },
});

export const deleteContextEntry = defineOperation({
  name: 'delete_bounded_context',
  title: 'Delete bounded context',
  description: 'Delete a bounded context; its elements stay on the board, unassigned.',
  input: z.object({ context_id: deleteContextInput.shape.context_id.describe('The bounded context to delete.') }),
  annotations: DELETE,
  run: (doc, input, options) => deleteContext(doc, input, options),
  answer: (result, input) => ({
    success: true,
    context_id: input.context_id,
    unassigned_count: result.unassigned,
    message: `Deleted the bounded context; ${result.unassigned} elements are now unassigned`,
  }),
  rest: { method: 'DELETE', path: '/contexts/{context_id}' },
});

export const assignToContextEntry = defineOperation({
  name: 'assign_to_context',
  title: 'Assign to context',
  description: 'Put elements into a bounded context (moving them out of any other). Every id must exist, or nothing changes.',
  input: z.object({
    context_id: assignToContextInput.shape.context_id.describe('The bounded context.'),
    element_ids: assignToContextInput.shape.element_ids.describe('Ids of the elements to assign.'),
  }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => assignToContext(doc, input, options),
  answer: (result, input) => ({
    success: true,
    context_id: input.context_id,
    assigned_count: result.assigned,
    message: `Assigned ${result.assigned} elements to '${result.context.name}'`,
  }),
  rest: { method: 'POST', path: '/contexts/{context_id}/elements' },
});

export const unassignEntry = defineOperation({
  name: 'unassign_from_context',
  title: 'Unassign from context',
  description: 'Take elements out of whatever bounded context they are in. Every id must exist, or nothing changes.',
  input: z.object({ element_ids: unassignInput.shape.element_ids.describe('Ids of the elements to take out of their context.') }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => unassignFromContext(doc, input, options),
  answer: (result) => ({ success: true, unassigned_count: result.unassigned, message: `Took ${result.unassigned} elements out of their context` }),
  rest: { method: 'POST', path: '/elements/unassign' },
});
