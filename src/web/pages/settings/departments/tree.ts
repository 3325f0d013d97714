import type { Department } from '../../../api/settings';

export interface DepartmentNode extends Department {
  children: DepartmentNode[];
}

/** The flat list from the API as a tree; a department whose parent is missing becomes a root. */
export function buildTree(list: Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>(list.map((d) => [d.id, { ...d, children: [] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Every department as "Company › Sales › Yerevan", in tree order, for pickers. */
export function departmentOptions(list: Department[], exclude?: number): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (nodes: DepartmentNode[], path: string[]) => {
    for (const n of nodes) {
      if (n.id === exclude) continue; // nor anything under it: a department cannot move below itself
      const here = [...path, n.name];
      out.push({ value: String(n.id), label: here.join(' › ') });
      walk(n.children, here);
    }
  };
  walk(buildTree(list), []);
  return out;
}
