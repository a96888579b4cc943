/** One terminal line made of styled segments; never wrapped by Ink (widths are computed before). */
import React from 'react';
import { Text } from 'ink';
import { memo } from 'react';
import { seg, type SegmentLike } from './segments.ts';

export interface LineProps {
  segments: SegmentLike[];
}

function LineImpl({ segments }: LineProps) {
  if (segments.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {segments.map((s, i) => {
        const x = seg(s);
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
