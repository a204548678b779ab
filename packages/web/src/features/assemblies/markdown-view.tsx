import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'del':
        return <del key={i}>{inline(node.children)}</del>;
    }
  });
}

function block(node: Block, i: number): ReactNode {
  switch (node.type) {
    case 'heading': {
      // The page's own title is the h1: the minutes' headings start one level below.
      const Tag = `h${Math.min(6, node.level + 1)}` as 'h2';
      return <Tag key={i}>{inline(node.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{inline(node.children)}</p>;
    case 'quote':
      return <blockquote key={i}>{node.children.map(block)}</blockquote>;
    case 'list': {
      const items = node.items.map((item, j) => (
        <li key={j} className={item.checked === null ? undefined : 'task'}>
          {item.checked === null ? null : (
            <span aria-hidden="true" className="task__box">
              {item.checked ? '☑' : '☐'}{' '}
            </span>
          )}
          {inline(item.children)}
        </li>
      ));
      return node.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    case 'table':
      return (
        <table key={i}>
          <thead>
            <tr>
              {node.head.map((cell, j) => (
                <th key={j} scope="col">
                  {inline(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {node.rows.map((row, j) => (
              <tr key={j}>
                {row.map((cell, k) => (
                  <td key={k}>{inline(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** Markdown rendered as React elements (never as HTML): see ./markdown. */
export function MarkdownView({ source }: { source: string }) {
  return <div className="markdown">{parseMarkdown(source).map(block)}</div>;
}
