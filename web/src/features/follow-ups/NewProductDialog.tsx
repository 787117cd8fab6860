import { useState } from 'react';
import {
  Button,
  ComboBox,
  Dialog,
  DialogTrigger,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Modal,
  Popover,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CreateProductMutation, CreateSupplierMutation, SupplierOptionsQuery } from './follow-up';

interface Created {
  id: string;
  name: string;
  supplier: { id: string; name: string };
}

/**
 * Adds a product that is not in the registry yet, and its supplier when that is missing too, in a
 * modal dialog (React Aria: focus kept inside, Escape closes, focus returns to the button).
 */
export function NewProductDialog({ onCreated }: { onCreated: (product: Created) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [gtin, setGtin] = useState('');
  const [articleNumber, setArticleNumber] = useState('');
  const [supplierText, setSupplierText] = useState('');
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [newSupplierName, setNewSupplierName] = useState('');
  const [newSupplierNumber, setNewSupplierNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [suppliers] = useQuery({
    query: SupplierOptionsQuery,
    variables: { text: supplierText },
    pause: supplierText.trim().length < 2,
  });
  const [, createSupplier] = useMutation(CreateSupplierMutation);
  const [creating, createProduct] = useMutation(CreateProductMutation);

  async function submit(close: () => void) {
    setError(null);
    if (!name.trim()) return setError(t('newProduct.nameMissing'));
    let supplier = supplierId;
    if (!supplier) {
      if (!newSupplierName.trim()) return setError(t('newProduct.supplierMissing'));
      const made = await createSupplier({
        input: { name: newSupplierName.trim(), organisationNumber: newSupplierNumber.trim() || undefined },
      });
      if (!made.data) return setError(made.error?.graphQLErrors[0]?.message ?? made.error?.message ?? '');
      supplier = made.data.createSupplier.id;
      setSupplierId(supplier);
    }
    const made = await createProduct({
      input: {
        name: name.trim(),
        supplierId: supplier,
        gtin: gtin.trim() || undefined,
        articleNumber: articleNumber.trim() || undefined,
      },
    });
    if (!made.data) return setError(made.error?.graphQLErrors[0]?.message ?? made.error?.message ?? '');
    onCreated(made.data.createProduct);
    close();
  }

  return (
    <DialogTrigger>
      <Button className="button button--secondary">{t('newProduct.open')}</Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{t('newProduct.title')}</Heading>
              {error ? (
                <div role="alert" className="error-summary">
                  {error}
                </div>
              ) : null}
              <TextField className="field" value={name} onChange={setName} isRequired>
                <Label>{t('newProduct.name')}</Label>
                <Input className="input" />
              </TextField>
              <ComboBox
                className="field"
                inputValue={supplierText}
                onInputChange={setSupplierText}
                items={suppliers.data?.suppliers.nodes ?? []}
                selectedKey={supplierId}
                onSelectionChange={(key) => setSupplierId(key ? String(key) : null)}
                menuTrigger="input"
              >
                <Label>{t('newProduct.supplier')}</Label>
                <Input className="input" />
                <Popover>
                  <ListBox>
                    {(item: { id: string; name: string; organisationNumber?: string | null }) => (
                      <ListBoxItem id={item.id} textValue={item.name}>
                        {item.name} {item.organisationNumber ? `(${item.organisationNumber})` : ''}
                      </ListBoxItem>
                    )}
                  </ListBox>
                </Popover>
              </ComboBox>
              {!supplierId ? (
                <div className="inset">
                  <p>{t('newProduct.newSupplierIntro')}</p>
                  <TextField className="field" value={newSupplierName} onChange={setNewSupplierName}>
                    <Label>{t('newProduct.newSupplierName')}</Label>
                    <Input className="input" />
                  </TextField>
                  <TextField className="field" value={newSupplierNumber} onChange={setNewSupplierNumber}>
                    <Label>{t('newProduct.newSupplierNumber')}</Label>
                    <Input className="input" />
                  </TextField>
                </div>
              ) : null}
              <TextField className="field" value={gtin} onChange={setGtin}>
                <Label>GTIN</Label>
                <Input className="input" />
              </TextField>
              <TextField className="field" value={articleNumber} onChange={setArticleNumber}>
                <Label>{t('product.articleNumber')}</Label>
                <Input className="input" />
              </TextField>
              <div className="actions">
                <Button className="button" isDisabled={creating.fetching} onPress={() => void submit(close)}>
                  {t('newProduct.create')}
                </Button>
                <Button className="button button--secondary" onPress={close}>
                  {t('newProduct.cancel')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
