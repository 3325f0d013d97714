import { ColorInput } from '@mantine/core';

/** Mantine's palette at readable shades: enough choice, and stages stay distinguishable. */
const SWATCHES = [
  '#74c0fc',
  '#339af0',
  '#1c7ed6',
  '#1864ab',
  '#15aabf',
  '#40c057',
  '#2f9e44',
  '#94d82d',
  '#fab005',
  '#f08c00',
  '#fa5252',
  '#e64980',
  '#be4bdb',
  '#7950f2',
  '#868e96',
  '#495057',
];

export function ColorField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <ColorInput
      label={label}
      format="hex"
      value={value}
      onChange={onChange}
      swatches={SWATCHES}
      swatchesPerRow={8}
      withEyeDropper={false}
      error={error}
      data-testid="color-input"
    />
  );
}
