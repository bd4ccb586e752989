import { describe, expect, it } from 'vitest';
import {
  addElementInput,
  assignToContextInput,
  createContextInput,
  createWorkshopInput,
  flowInput,
  parseInput,
  searchInput,
  timelineInput,
  updateElementInput,
} from './schemas';
import { EventStormError } from './errors';

function problem(fn: () => unknown): EventStormError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventStormError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('input schemas', () => {
  it('accept the seed tutorial calls unchanged', () => {
    const parsed = parseInput(addElementInput, {
      type: 'event',
      name: 'Order Placed',
      description: '고객이 장바구니에서 주문을 확정하고 주문이 시스템에 접수됨',
      position: 0,
      notes: '주문 번호 생성, 재고 예약 시작',
      created_by: '김도메인',
    });
    expect(parsed).toMatchObject({ type: 'event', name: 'Order Placed', position: 0, triggers: [], triggered_by: [] });
  });

  it('trims names and take a fractional position', () => {
    expect(parseInput(addElementInput, { type: 'command', name: '  Pay  ', position: 10.5 })).toMatchObject({ name: 'Pay', position: 10.5 });
  });

  it.each([
    ['an empty name', { type: 'event', name: '   ' }, 'name', 'must not be empty'],
    ['a name over 200 characters', { type: 'event', name: 'x'.repeat(201) }, 'name', 'at most 200'],
    ['a wrong type of name', { type: 'event', name: 42 }, 'name', 'must be a string'],
    ['an unknown element type', { type: 'sticky', name: 'A' }, 'type', 'must be one of'],
    ['oversize notes', { type: 'event', name: 'A', notes: 'n'.repeat(5001) }, 'notes', 'at most 5000'],
    ['an infinite position', { type: 'event', name: 'A', position: Infinity }, 'position', 'finite'],
    ['a position given as text', { type: 'event', name: 'A', position: '3' }, 'position', 'finite'],
    ['triggers that are not a list', { type: 'event', name: 'A', triggers: 'abc' }, 'triggers', 'list of ids'],
    ['an id with a ">"', { type: 'event', name: 'A', triggers: ['a>b'] }, 'triggers.0', '">"'],
  ])('refuse %s and name the field', (_what, input, path, message) => {
    const error = problem(() => parseInput(addElementInput, input));
    expect(error.code).toBe('invalid');
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect(error.message).toContain(path);
    expect(error.issues.find((i) => i.path === path)?.message).toContain(message);
  });

  it('name every bad field at once', () => {
    const error = problem(() => parseInput(addElementInput, { type: 'nope', name: '', notes: 5 }));
    expect(error.issues.map((i) => i.path).sort()).toEqual(['name', 'notes', 'type']);
  });

  it('map "null", null and "" to no context on update', () => {
    for (const value of ['null', null, '']) {
      expect(parseInput(updateElementInput, { element_id: 'e1', bounded_context_id: value }).bounded_context_id).toBeNull();
    }
    expect(parseInput(updateElementInput, { element_id: 'e1' }).bounded_context_id).toBeUndefined();
  });

  it('check colours, workshops and contexts', () => {
    expect(problem(() => parseInput(createContextInput, { name: 'Pay', color: 'blue' })).issues[0].path).toBe('color');
    expect(parseInput(createContextInput, { name: 'Pay', color: '#2ecc71' }).color).toBe('#2ecc71');
    expect(problem(() => parseInput(createWorkshopInput, { name: 'W', facilitators: 'Mina' })).issues[0].path).toBe('facilitators');
    expect(problem(() => parseInput(assignToContextInput, { context_id: 'c', element_ids: [] })).issues[0].path).toBe('element_ids');
  });

  it('take the analyses parameters with the original defaults', () => {
    expect(parseInput(flowInput, {})).toMatchObject({ max_depth: 5, max_elements: 100, response_format: 'markdown' });
    expect(problem(() => parseInput(flowInput, { max_depth: 21 })).issues[0].path).toBe('max_depth');
    expect(parseInput(timelineInput, { detail_level: 'detailed' }).detail_level).toBe('full');
    expect(problem(() => parseInput(timelineInput, { page: 0 })).issues[0].path).toBe('page');
    expect(problem(() => parseInput(searchInput, { query: '' })).issues[0].path).toBe('query');
    expect(problem(() => parseInput(timelineInput, { response_format: 'xml' })).issues[0].path).toBe('response_format');
  });
});
