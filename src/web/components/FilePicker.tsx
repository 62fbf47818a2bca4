/** Choose files (a button opening the file dialog, several at once) or drop them on the zone. */
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { WEB_UI } from '../labels';
import { ACCEPT } from '../workspace';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  active: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: { display: 'none' },
});

export interface FilePickerProps {
  disabled: boolean;
  onFiles: (files: File[]) => void;
}

export function FilePicker({ disabled, onFiles }: FilePickerProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0 && !disabled) onFiles(files);
  };
  return (
    <div
      className={mergeClasses(s.zone, over && s.active)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <Button
        appearance="primary"
        size="large"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {WEB_UI.choose}
      </Button>
      <Text>{over ? WEB_UI.dropActive : WEB_UI.dropHere}</Text>
      <input
        ref={input}
        className={s.input}
        type="file"
        multiple
        accept={ACCEPT}
        data-testid="file-input"
        aria-label={WEB_UI.choose}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
