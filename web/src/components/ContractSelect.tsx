import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface ContractOption {
  id: string;
  title: string;
  reference?: string | null;
}

/** Picks one of my organisation's contracts (React Aria's Select: a listbox, by keyboard too). */
export function ContractSelect({
  contracts,
  value,
  onChange,
  label,
}: {
  contracts: readonly ContractOption[];
  value: string | null;
  onChange: (id: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      className="field"
      selectedKey={value}
      onSelectionChange={(key) => onChange(String(key))}
      placeholder={t('contract.choose')}
    >
      <Label>{label ?? t('contract.label')}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true"> ▾</span>
      </Button>
      <Popover>
        <ListBox>
          {contracts.map((contract) => (
            <ListBoxItem key={contract.id} id={contract.id} textValue={contract.title}>
              {contract.title}
              {contract.reference ? ` (${contract.reference})` : ''}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
