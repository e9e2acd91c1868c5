/**
 * The sidebar's unit tree: an ARIA tree with a roving tab stop. Keys: ↑/↓ move, → expands or enters
 * the first child, ← collapses or goes to the parent, Home/End jump, Enter/Space opens the unit.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { XMatrix } from '../../contracts';
import type { UnitNode } from '../hooks/unit-tree';
import { ChevronRightIcon } from './icons';

interface UnitTreeProps {
  tree: UnitNode[];
  matrices: XMatrix[];
  currentUnitId: string | undefined;
  /** Where a unit links to. */
  hrefFor: (unitId: string) => string;
}

export function UnitTree({ tree, matrices, currentUnitId, hrefFor }: UnitTreeProps) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [, navigate] = useLocation();
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const withMatrix = useMemo(() => new Set(matrices.map((m) => m.unitId)), [matrices]);

  const visible = useMemo(() => {
    const out: { node: UnitNode; parentId: string | null }[] = [];
    const walk = (nodes: UnitNode[], parentId: string | null) => {
      for (const node of nodes) {
        out.push({ node, parentId });
        if (!collapsed.has(node.unit.id)) walk(node.children, node.unit.id);
      }
    };
    walk(tree, null);
    return out;
  }, [tree, collapsed]);

  const tabStop = visible.some((v) => v.node.unit.id === focusId)
    ? focusId
    : (visible.find((v) => v.node.unit.id === currentUnitId)?.node.unit.id ?? visible[0]?.node.unit.id);

  const focus = (id: string | undefined) => {
    if (!id) return;
    setFocusId(id);
    itemRefs.current.get(id)?.focus();
  };
  const toggle = (id: string, open?: boolean) =>
    setCollapsed((set) => {
      const next = new Set(set);
      const isOpen = !next.has(id);
      if (open ?? !isOpen) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const entry = visible[index];
    if (!entry) return;
    const { node, parentId } = entry;
    const id = node.unit.id;
    const expanded = node.children.length > 0 && !collapsed.has(id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.node.unit.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.node.unit.id);
        break;
      case 'Home':
        focus(visible[0]?.node.unit.id);
        break;
      case 'End':
        focus(visible[visible.length - 1]?.node.unit.id);
        break;
      case 'ArrowRight':
        if (node.children.length > 0 && !expanded) toggle(id, true);
        else if (expanded) focus(node.children[0]?.unit.id);
        break;
      case 'ArrowLeft':
        if (expanded) toggle(id, false);
        else if (parentId) focus(parentId);
        break;
      case 'Enter':
      case ' ':
        navigate(hrefFor(id));
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const renderNodes = (nodes: UnitNode[]) =>
    nodes.map((node) => {
      const id = node.unit.id;
      const hasChildren = node.children.length > 0;
      const expanded = hasChildren && !collapsed.has(id);
      const index = visible.findIndex((v) => v.node.unit.id === id);
      return (
        <li
          key={id}
          role="treeitem"
          aria-level={node.depth + 1}
          aria-expanded={hasChildren ? expanded : undefined}
          aria-selected={id === currentUnitId}
          tabIndex={id === tabStop ? 0 : -1}
          ref={(el) => {
            if (el) itemRefs.current.set(id, el);
            else itemRefs.current.delete(id);
          }}
          onKeyDown={(event) => {
            if (event.target === event.currentTarget) onKeyDown(event, index);
          }}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusId(id);
          }}
          className="tree-item"
        >
          <div
            className={id === currentUnitId ? 'tree-row tree-row-current' : 'tree-row'}
            data-testid={`unit-${id}`}
            style={{ paddingLeft: 8 + node.depth * 14 }}
            onClick={() => navigate(hrefFor(id))}
          >
            {hasChildren ? (
              <span
                className={expanded ? 'tree-twisty tree-twisty-open' : 'tree-twisty'}
                onClick={(event) => {
                  event.stopPropagation();
                  toggle(id);
                }}
                aria-hidden="true"
              >
                <ChevronRightIcon size={12} />
              </span>
            ) : (
              <span className="tree-twisty" aria-hidden="true" />
            )}
            <span className="tree-label">{node.unit.name}</span>
            {withMatrix.has(id) && (
              <span
                className="tree-matrix-dot"
                title={t('unitTree.hasMatrixTitle')}
                aria-label={t('shell.hasMatrix')}
              />
            )}
          </div>
          {hasChildren && expanded && (
            <ul role="group" className="tree-group">
              {renderNodes(node.children)}
            </ul>
          )}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={t('shell.units')} className="tree">
      {renderNodes(tree)}
    </ul>
  );
}
