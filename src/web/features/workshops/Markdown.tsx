import ReactMarkdown from 'react-markdown';

/**
 * An agenda or notes written in Markdown, rendered as React elements: raw HTML in the text is not
 * rendered and unsafe link protocols are dropped (react-markdown's defaults), links open elsewhere.
 * Headings start at level 3, under the section's own heading.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="workshop-markdown">
      <ReactMarkdown
        skipHtml
        components={{
          h1: 'h3',
          h2: 'h3',
          h3: 'h4',
          h4: 'h5',
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
