import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AnyStepFlowNode } from '../model/flow';

/** The source of global transitions: they apply from any step, so they start here. */
function AnyStepNodeView({ data }: NodeProps<AnyStepFlowNode>) {
  return (
    <div className="any-step-node">
      {data.label}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** Memoised like the step nodes. */
export const AnyStepNode = memo(AnyStepNodeView);
