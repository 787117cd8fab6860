import { useState } from 'react';
import { Button, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  emptyRow,
  GRID_FIELDS,
  type GridField,
  type GridProblem,
  type GridRow,
  isBlank,
  parseTsv,
} from './measurement-grid';

export const cellId = (row: number, field: GridField) => `measurement-${row + 1}-${field}`;

/**
 * The measurement grid: rows typed cell by cell, or pasted from Excel (tab-separated) into the paste
 * box, which fills the grid. Every problem is shown at its row and field.
 */
export function MeasurementGrid({
  rows,
  onChange,
  problems,
}: {
  rows: GridRow[];
  onChange: (rows: GridRow[]) => void;
  problems: readonly GridProblem[];
}) {
  const { t } = useTranslation();
  const [pasted, setPasted] = useState('');
  const [announcement, setAnnouncement] = useState('');

  function readPasted(text: string) {
    const parsed = parseTsv(text);
    if (parsed.length === 0) return;
    onChange([...rows.filter((row) => !isBlank(row)), ...parsed]);
    setPasted('');
    setAnnouncement(t('grid.pastedRows', { count: parsed.length }));
  }

  const update = (index: number, field: GridField, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  const problemsAt = (index: number, field: GridField) => problems.filter((p) => p.row === index && p.field === field);

  return (
    <div className="grid-block">
      <TextField className="field" value={pasted} onChange={setPasted}>
        <Label>{t('grid.pasteLabel')}</Label>
        <span className="field-hint" id="paste-hint">
          {t('grid.pasteHint')}
        </span>
        <TextArea
          className="input paste-box"
          rows={3}
          aria-describedby="paste-hint"
          onPaste={(event) => {
            const text = event.clipboardData.getData('text/plain');
            if (text.includes('\t')) {
              event.preventDefault();
              readPasted(text);
            }
          }}
        />
      </TextField>
      <Button className="button button--secondary" onPress={() => readPasted(pasted)}>
        {t('grid.readPasted')}
      </Button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <table className="table grid">
        <caption>{t('grid.caption', { count: rows.filter((r) => !isBlank(r)).length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grid.row')}</th>
            {GRID_FIELDS.map((field) => (
              <th scope="col" key={field}>
                {t(`grid.${field}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('grid.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const rowHasProblem = problems.some((p) => p.row === index);
            return (
              <tr key={row.key} className={rowHasProblem ? 'grid-row--invalid' : undefined}>
                <th scope="row">{index + 1}</th>
                {GRID_FIELDS.map((field) => {
                  const here = problemsAt(index, field);
                  const id = cellId(index, field);
                  return (
                    <td key={field}>
                      <input
                        id={id}
                        className="input grid-input"
                        value={row[field]}
                        onChange={(event) => update(index, field, event.target.value)}
                        aria-label={t('grid.cellLabel', { row: index + 1, field: t(`grid.${field}`) })}
                        aria-invalid={here.length > 0 || undefined}
                        aria-describedby={here.length > 0 ? `${id}-error` : undefined}
                      />
                      {here.length > 0 ? (
                        <span id={`${id}-error`} className="error-text grid-error">
                          {here.map((p) => t(p.message, p.values)).join(' ')}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                <td>
                  <Button
                    className="button button--link"
                    aria-label={t('grid.removeRow', { row: index + 1 })}
                    onPress={() => onChange(rows.filter((_, i) => i !== index))}
                  >
                    {t('grid.remove')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button className="button button--secondary" onPress={() => onChange([...rows, emptyRow()])}>
        {t('grid.addRow')}
      </Button>
    </div>
  );
}
