import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostView } from '@tocsin/core/api/bulletin';
import { POST_KINDS, type PostKind } from '@tocsin/core/bulletin/digest';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useMe, useSession } from '../session/session-provider';
import { markRead, readPosts } from './shared';
import './bulletin.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';
import { bulletinApi } from '../../lib/api/organizing/bulletin';

type FollowState = 'follow' | 'mute' | 'default';

/**
 * The member's one calm list: city-wide, their areas, their bodies, newest first, pinned on top;
 * city-wide posts waiting for a second person (for those who may approve); a post for a body the
 * member writes for; follow or mute per body. What was read is kept on this phone only.
 */
export function BulletinPage() {
  const { t } = useTranslation();
  usePageTitle(t('bulletin.title'));
  const loadFeed = useCallback(() => bulletinApi.bulletin(), []);
  const feed = useLoad(loadFeed);
  const loadPending = useCallback(() => bulletinApi.pendingPosts(), []);
  const pending = useLoad(loadPending);
  const loadBodies = useCallback(() => assembliesApi.bodies(), []);
  const bodies = useLoad(loadBodies);
  const loadSettings = useCallback(() => bulletinApi.digestSettings(), []);
  const settings = useLoad(loadSettings);
  const [older, setOlder] = useState<PostView[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [read, setRead] = useState(() => readPosts());
  const [approved, setApproved] = useState(false);
  const reload = async () => {
    setOlder([]);
    setNext(undefined);
    await Promise.all([feed.reload(), pending.reload(), settings.reload()]);
  };
  const cursor = next === undefined ? (feed.data?.next ?? null) : next;
  const more = useAction();
  const items = [...(feed.data?.items ?? []), ...older];
  const follows = new Map<string, FollowState>(
    (settings.data?.follows ?? []).map((f) => [f.bodyId, f.state]),
  );
  const writable = (bodies.data ?? []).filter(
    (b) =>
      b.roles.includes('chair') ||
      b.roles.includes('secretary') ||
      b.canChair ||
      b.kind === 'working_group',
  );
  return (
    <div className="bulletin">
      <h1 tabIndex={-1}>{t('bulletin.title')}</h1>
      <p className="hint">{t('bulletin.intro')}</p>
      <nav className="bulletin-links" aria-label={t('bulletin.title')}>
        <Link to="/digest">{t('bulletin.links.digest')}</Link>
        <Link to="/events">{t('bulletin.links.events')}</Link>
        <Link to="/digest#settings">{t('bulletin.links.settings')}</Link>
      </nav>
      {pending.data && pending.data.length > 0 ? (
        <Pending
          posts={pending.data}
          onDone={async () => {
            setApproved(true);
            await reload();
          }}
        />
      ) : null}
      {approved ? (
        <p className="notice notice--ok" role="status">
          {t('bulletin.pending.approved')}
        </p>
      ) : null}
      {feed.error ? <p className="notice notice--error">{describeError(feed.error, t)}</p> : null}
      {!feed.data ? (
        feed.error ? null : (
          <Loading />
        )
      ) : (
        <>
          {feed.data.pinned.length > 0 ? (
            <section aria-labelledby="bulletin-pinned">
              <h2 id="bulletin-pinned">{t('bulletin.pinned')}</h2>
              <ul className="bulletin-list">
                {feed.data.pinned.map((post) => (
                  <Post
                    key={post.id}
                    post={post}
                    unread={!read.has(post.id)}
                    follow={follows.get(post.body.id) ?? 'default'}
                    onFollow={reload}
                  />
                ))}
              </ul>
            </section>
          ) : null}
          {items.length === 0 ? (
            <p className="notice notice--info">{t('bulletin.empty')}</p>
          ) : (
            <>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() =>
                  setRead(markRead([...(feed.data?.pinned ?? []), ...items].map((p) => p.id)))
                }
              >
                {t('bulletin.markAllRead')}
              </button>
              <ul className="bulletin-list" data-testid="bulletin-feed">
                {items.map((post) => (
                  <Post
                    key={post.id}
                    post={post}
                    unread={!read.has(post.id)}
                    follow={follows.get(post.body.id) ?? 'default'}
                    onFollow={reload}
                    onOpen={() => setRead(markRead([post.id]))}
                  />
                ))}
              </ul>
            </>
          )}
          {cursor ? (
            <button
              type="button"
              className="button"
              disabled={more.busy}
              onClick={() =>
                void more.run(async () => {
                  const page = await bulletinApi.bulletin(cursor);
                  setOlder((o) => [...o, ...page.items]);
                  setNext(page.next);
                })
              }
            >
              {t('bulletin.more')}
            </button>
          ) : null}
          {more.error ? <p className="notice notice--error">{more.error}</p> : null}
        </>
      )}
      {writable.length > 0 ? (
        <WritePost bodies={writable.map((b) => ({ id: b.id, name: b.name }))} onDone={reload} />
      ) : null}
    </div>
  );
}

function Post({
  post,
  unread,
  follow,
  onFollow,
  onOpen,
}: {
  post: PostView;
  unread: boolean;
  follow: FollowState;
  onFollow: () => Promise<void>;
  onOpen?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const timeZone = city?.timeZone ?? 'UTC';
  const when = formatDateTime(post.publishedAt ?? post.createdAt, i18n.language, timeZone);
  const action = useAction(onFollow);
  const autoText = post.auto
    ? t(`bulletin.autoText.${post.auto.type}`, {
        time: post.auto.startsAt ? formatDateTime(post.auto.startsAt, i18n.language, timeZone) : '',
        day: post.auto.day ?? '',
        count: post.auto.count ?? 0,
      })
    : null;
  return (
    <li className="card bulletin-post" data-testid="bulletin-post" data-post={post.id}>
      <p className="bulletin-meta">
        {unread ? <span className="badge bulletin-new">{t('bulletin.unread')}</span> : null}
        <span>{t(`bulletin.kind.${post.kind}`)}</span> · <span>{post.body.name}</span> ·{' '}
        <time dateTime={post.publishedAt ?? post.createdAt}>{when}</time>
      </p>
      <h3>{post.title}</h3>
      {post.text ? <p className="bulletin-text">{post.text}</p> : null}
      {autoText ? <p className="bulletin-text">{autoText}</p> : null}
      <p className="hint">
        {post.author ? t('bulletin.by', { name: post.author.name }) : t('bulletin.auto')}
      </p>
      <div className="bulletin-actions">
        {post.eventId ? (
          <Link to={`/events/${post.eventId}`} onClick={onOpen}>
            {t('bulletin.openEvent')}
          </Link>
        ) : null}
        <label className="field field--inline">
          <span>{t('bulletin.follow.label', { body: post.body.name })}</span>
          <select
            value={follow}
            disabled={action.busy}
            onChange={(e) => {
              const state = e.target.value as FollowState;
              void action.run(() => bulletinApi.followBody(post.body.id, { state }));
            }}
          >
            <option value="default">{t('bulletin.follow.default')}</option>
            <option value="follow">{t('bulletin.follow.follow')}</option>
            <option value="mute">{t('bulletin.follow.mute')}</option>
          </select>
        </label>
      </div>
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
    </li>
  );
}

function Pending({ posts, onDone }: { posts: PostView[]; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  const action = useAction(onDone);
  return (
    <section className="card" aria-labelledby="bulletin-pending" data-testid="pending-posts">
      <h2 id="bulletin-pending">{t('bulletin.pending.title')}</h2>
      <p className="hint">{t('bulletin.pending.hint')}</p>
      <ul className="bulletin-list">
        {posts.map((post) => (
          <li key={post.id} data-testid="pending-post">
            <h3>{post.title}</h3>
            {post.text ? <p className="bulletin-text">{post.text}</p> : null}
            <p className="hint">
              {post.body.name}
              {post.author ? ` · ${t('bulletin.by', { name: post.author.name })}` : ''}
            </p>
            {post.author?.id === me.id ? (
              <p className="notice notice--info">{t('bulletin.pending.yours')}</p>
            ) : (
              <button
                type="button"
                className="button button--primary"
                disabled={action.busy}
                onClick={() => void action.run(() => bulletinApi.approvePost(post.id))}
              >
                {t('bulletin.pending.approve')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
    </section>
  );
}

function WritePost({
  bodies,
  onDone,
}: {
  bodies: { id: string; name: string }[];
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const action = useAction(onDone);
  const [form, setForm] = useState({
    bodyId: bodies[0]?.id ?? '',
    kind: 'announcement' as PostKind,
    title: '',
    text: '',
    pinned: false,
  });
  const [sent, setSent] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    void action.run(async () => {
      const post = await bulletinApi.createPost(form.bodyId, {
        requestId: crypto.randomUUID(),
        kind: form.kind,
        title: form.title,
        text: form.text,
        ...(form.pinned ? { pinned: true } : {}),
      });
      setSent(
        post.status === 'pending' ? t('bulletin.write.waiting') : t('bulletin.write.published'),
      );
      setForm((f) => ({ ...f, title: '', text: '', pinned: false }));
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="bulletin-write">
      <h2 id="bulletin-write">{t('bulletin.write.title')}</h2>
      <p className="hint">{t('bulletin.write.hint')}</p>
      <label className="field">
        <span>{t('bulletin.write.body')}</span>
        <select value={form.bodyId} onChange={(e) => setForm({ ...form, bodyId: e.target.value })}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('bulletin.write.kind')}</span>
        <select
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as PostKind })}
        >
          {POST_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`bulletin.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('bulletin.write.heading')}</span>
        <input
          value={form.title}
          required
          maxLength={140}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('bulletin.write.text')}</span>
        <textarea
          value={form.text}
          maxLength={4000}
          onChange={(e) => setForm({ ...form, text: e.target.value })}
        />
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={form.pinned}
          onChange={(e) => setForm({ ...form, pinned: e.target.checked })}
        />
        <span>{t('bulletin.write.pin')}</span>
      </label>
      {sent ? (
        <p className="notice notice--ok" role="status">
          {sent}
        </p>
      ) : null}
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('bulletin.write.submit')}
      </button>
    </form>
  );
}
