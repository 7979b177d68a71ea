/** The key in its printed groups (XXXX-XXXX-…), large and monospaced so it can be copied by hand. */
export function RecoveryKeyGroups({ recoveryKey }: { recoveryKey: string }) {
  const groups = recoveryKey.split(/[\s-]+/).filter(Boolean);
  return (
    <div className="recovery-key" role="group" aria-label={recoveryKey}>
      {groups.map((group, i) => (
        <span key={i} className="recovery-key-group">
          {group}
        </span>
      ))}
    </div>
  );
}
