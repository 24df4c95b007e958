import type { Status, Transition } from './statuses.ts';

/** What a load sends to the browser about referrals: explicit fields, never whole rows. */

export type ReferralRow = {
	id: string;
	status: Status;
	overdue: boolean;
	serviceName: string;
	from: string;
	to: string;
	/** Only for staff of the two organisations, and only if the person agreed to share it. */
	personName: string | null;
	createdAt: string;
	dueAt: string;
};

export type ThreadEntry = {
	id: number;
	kind: 'status' | 'message';
	status: Status | null;
	body: string | null;
	author: string | null;
	createdAt: string;
};

export type ReferralDetail = {
	id: string;
	/** How the viewer relates to it: staff of the referring or receiving side, or the person. */
	viewer: { from: boolean; to: boolean; person: boolean };
	status: Status;
	overdue: boolean;
	service: { id: string; name: string };
	from: { name: string; slug: string };
	to: { name: string; slug: string };
	createdAt: string;
	dueAt: string;
	acceptedAt: string | null;
	closedAt: string | null;
	outcome: string | null;
	/** Staff only: the receiving side's words to the referring side. */
	reason: string | null;
	feedback: string | null;
	person: {
		name: string | null;
		phone: string | null;
		email: string | null;
		language: string | null;
		notes: string | null;
		/** Linked to the person's account: only ever by their own "this is me". */
		hasAccount: boolean;
		/** The person's answer when asked through the contact shared; null when none was shared. */
		confirmation: 'pending' | 'confirmed' | 'not_me' | null;
	};
	consent: { shared: string[]; purpose: string; method: string; recordedAt: string };
	thread: ThreadEntry[];
	transitions: Transition[];
	canMessage: boolean;
};

export type Dashboard = {
	total: number;
	byStatus: { status: Status; count: number }[];
	byTerm: { termId: string; label: string; count: number }[];
	overdue: number;
	medianHoursToAcceptance: number | null;
	medianHoursToClosure: number | null;
	closedWithFeedback: number;
	/** Closed or completed with feedback, out of all referrals (0–1); null when there are none. */
	shareClosedWithFeedback: number | null;
};
