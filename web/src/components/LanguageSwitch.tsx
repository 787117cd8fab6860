import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** Switches between Swedish and English; the button names the other language in that language. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <Button className="button button--link" onPress={() => void i18n.changeLanguage(other)}>
      <span lang={other}>{other === 'en' ? 'English' : 'Svenska'}</span>
    </Button>
  );
}
