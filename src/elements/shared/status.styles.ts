import { css } from 'lit';

/** Styles for the loading, waiting, error and hint states every report element shares. */
export const statusStyles = css`
  .updated {
    margin: 0.5rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .wait,
  .hint {
    margin: 0.5rem 0;
    color: var(--_muted);
  }
  .wait {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    color: var(--_warning);
  }
  .wait p {
    margin: 0;
  }
  .cancel {
    font: inherit;
    padding: 0.25rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    background: transparent;
    color: var(--_text);
    cursor: pointer;
  }
  .error {
    border: 1px solid var(--_failure);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
  }
  .error-message {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .error-id {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-size: 0.85em;
    user-select: all;
  }
  .retry:focus-visible,
  .cancel:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .retry {
    font: inherit;
    padding: 0.35rem 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    cursor: pointer;
  }
  .empty-report {
    text-align: start;
  }
  .empty-report p {
    margin: 0 0 0.35rem;
  }
  .empty-why {
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul.empty-why {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .skeleton {
    background: var(--_skeleton);
    border-radius: calc(var(--_radius) / 2);
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
