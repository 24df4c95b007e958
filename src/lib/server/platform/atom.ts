const escape = (s: string) =>
	s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

export type AtomEntry = {
	url: string;
	title: string;
	published: Date;
	updated: Date;
	author: string | null;
	/** Already safe HTML (rendered Markdown): escaped once more as Atom's `type="html"` asks. */
	html: string;
	/** The entry's own language, when it differs from the feed's. */
	language?: string;
};

/** An Atom feed (RFC 4287): what a community's threads and the opportunities are for readers. */
export function atomFeed(feed: {
	home: string;
	self: string;
	title: string;
	language: string;
	updated: Date;
	entries: AtomEntry[];
}) {
	const entries = feed.entries
		.map(
			(e) => `  <entry${e.language ? ` xml:lang="${escape(e.language)}"` : ''}>
    <id>${escape(e.url)}</id>
    <title>${escape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escape(e.url)}"/>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
    <author><name>${escape(e.author ?? '—')}</name></author>
    <content type="html">${escape(e.html)}</content>
  </entry>`
		)
		.join('\n');
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(feed.language)}">
  <id>${escape(feed.home)}</id>
  <title>${escape(feed.title)}</title>
  <link rel="alternate" type="text/html" href="${escape(feed.home)}"/>
  <link rel="self" type="application/atom+xml" href="${escape(feed.self)}"/>
  <updated>${feed.updated.toISOString()}</updated>
${entries}
</feed>
`;
}
