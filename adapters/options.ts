/**
 * Reading `spec.options` for an adapter. Options are where the [U]/[T] facts of protocols.md
 * live (field names, API versions, prefixes), so a config can correct them without code; a
 * typo there is the user's to fix, so it becomes a `UserError` naming the model and the key.
 */
import type { z } from 'zod';
import { UserError } from '../harness/core/errors.ts';
import type { ModelSpec } from '../harness/core/model.ts';

export function parseOptions<S extends z.ZodType>(schema: S, spec: ModelSpec): z.infer<S> {
  const parsed = schema.safeParse(spec.options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`model ${spec.id}: options.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`, {
      hint: 'fix the options of this model in kseval.config.yaml or adapters/catalog.yaml',
    });
  }
  return parsed.data;
}
