/**
 * The signed-in user's menu in the top bar: who is signed in, change password, the users page for
 * site administrators, sign out and sign out everywhere. A menu button: Enter/Space/↓ opens it,
 * ↑/↓ move, Escape closes and returns focus to the button.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useMe, useSession } from '../session/session-context';
import { Avatar } from './avatar';
import { ChangePasswordDialog } from './change-password-dialog';
import { LanguageDialog } from './language-dialog';
import { ChevronDownIcon, GlobeIcon, KeyIcon, SignOutIcon, UsersIcon } from './icons';

interface MenuItem {
  label: string;
  icon: React.ReactNode;
  run: () => void;
}

export function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { endSession } = useSession();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const [choosingLanguage, setChoosingLanguage] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const items: MenuItem[] = [
    { label: t('accountMenu.changePassword'), icon: <KeyIcon />, run: () => setChangingPassword(true) },
    { label: t('language.menu'), icon: <GlobeIcon />, run: () => setChoosingLanguage(true) },
    ...(me.isSiteAdmin
      ? [{ label: t('accountMenu.users'), icon: <UsersIcon />, run: () => navigate('/admin/users') }]
      : []),
    { label: t('accountMenu.signOut'), icon: <SignOutIcon />, run: () => void endSession(false) },
    { label: t('accountMenu.signOutEverywhere'), icon: <SignOutIcon />, run: () => void endSession(true) },
  ];

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function onMenuKey(event: React.KeyboardEvent) {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(index + step + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      entries[event.key === 'Home' ? 0 : entries.length - 1]?.focus();
    }
  }

  return (
    <div className="account">
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="account-menu"
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Avatar name={me.name} />
        <span className="visually-hidden">{t('accountMenu.account')}</span>
        <span className="account-name" data-testid="account-name">
          {me.name}
        </span>
        <ChevronDownIcon />
      </button>
      {open && (
        <div ref={menu} id="account-menu" className="menu account-menu" role="menu" onKeyDown={onMenuKey}>
          <div className="menu-header">
            <strong>{me.name}</strong>
            <span className="muted">{me.email}</span>
            {me.isSiteAdmin && <span className="menu-header-tag">{t('accountMenu.siteAdministrator')}</span>}
          </div>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              {item.icon}
              {item.label}
            </button>
          ))}
        </div>
      )}
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      {choosingLanguage && <LanguageDialog onClose={() => setChoosingLanguage(false)} />}
    </div>
  );
}
