// A bounded context's region behind its stickies: translucent fill in the context's colour, its name on top.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RegionNode } from '../../state/canvasNodes';

function ContextRegionView({ data }: NodeProps<RegionNode>) {
  const { region } = data;
  return (
    <div
      className="h-full w-full rounded-xl"
      style={{ background: `${region.color}1f`, border: `2px solid ${region.color}b3` }}
      data-testid="context-region"
      data-context-id={region.contextId}
    >
      <div className="truncate px-3 pt-1 text-[13px] font-bold" style={{ color: region.color, filter: 'brightness(0.7)' }}>
        {region.name}
      </div>
    </div>
  );
}

export const ContextRegionComponent = memo(ContextRegionView);
