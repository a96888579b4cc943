/** One terminal line made of styled segments; never wrapped by Ink (widths are computed before). */
import React from 'react'; // classic JSX when tsx compiles from another directory (no tsconfig there)
import { Text } from 'ink';
import { memo } from 'react';
import { mergeSegments, type SegmentLike } from './segments.ts';

export interface LineProps {
  segments: SegmentLike[];
}

function LineImpl({ segments }: LineProps) {
  const merged = mergeSegments(segments);
  if (merged.length === 0) return <Text> </Text>;
  const only = merged.length === 1 ? merged[0]! : undefined;
  if (only) {
    return (
      <Text wrap="truncate-end" color={only.color} bold={only.bold} dimColor={only.dim} inverse={only.inverse}>
        {only.text}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      {merged.map((x, i) => {
        return (
          <Text key={i} color={x.color} bold={x.bold} dimColor={x.dim} inverse={x.inverse}>
            {x.text}
          </Text>
        );
      })}
    </Text>
  );
}

export const Line = memo(LineImpl);
