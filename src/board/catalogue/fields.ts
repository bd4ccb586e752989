// Descriptions shared by several entries, so the same parameter reads the same in every tool and route.
import { CATALOGUE, ELEMENT_TYPES, responseFormatSchema, workshopIdSchema } from '../../domain';

/** Every board entry's first parameter (REST takes it from the path). */
export const workshopIdField = workshopIdSchema.describe('The workshop id returned by eventstorming_create_workshop or eventstorming_list_workshops.');

export const responseFormatField = responseFormatSchema.describe('"markdown" (default) for people, "json" for programs.');

/** The element types with what each is for, for descriptions. */
export const TYPE_HINTS = ELEMENT_TYPES.map((t) => `${t} (${CATALOGUE[t].hint})`).join('; ');

export const TYPE_LIST = ELEMENT_TYPES.join(', ');
