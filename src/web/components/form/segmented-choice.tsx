/**
 * One choice of a few, shown side by side as segments (radio buttons under the labels, so the
 * arrow keys move between them and a screen reader announces a radio group).
 */
interface SegmentedChoiceProps<T extends string> {
  /** The radio group's name. */
  name: string;
  options: readonly { id: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

export function SegmentedChoice<T extends string>({
  name,
  options,
  value,
  onChange,
}: SegmentedChoiceProps<T>) {
  return (
    <div className="segmented" role="radiogroup">
      {options.map((option) => (
        <label key={option.id} className={option.id === value ? 'segment segment-on' : 'segment'}>
          <input
            type="radio"
            name={name}
            value={option.id}
            checked={option.id === value}
            onChange={() => onChange(option.id)}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
