/** Small inline SVG icons (16 px, stroke = currentColor) so no icon library enters the bundle. */
import type { ReactElement, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function make(paths: ReactElement, name: string) {
  function Icon({ size = 16, ...rest }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = name;
  return Icon;
}

export const PlusIcon = make(<path d="M8 3.5v9M3.5 8h9" />, 'PlusIcon');
export const ChevronRightIcon = make(<path d="M6 3.5 10.5 8 6 12.5" />, 'ChevronRightIcon');
export const ChevronDownIcon = make(<path d="M3.5 6 8 10.5 12.5 6" />, 'ChevronDownIcon');
export const ArrowUpIcon = make(<path d="M8 12.5v-9M4.5 7 8 3.5 11.5 7" />, 'ArrowUpIcon');
export const ArrowDownIcon = make(<path d="M8 3.5v9M4.5 9 8 12.5 11.5 9" />, 'ArrowDownIcon');
export const ArrowLeftIcon = make(<path d="M12.5 8h-9M7 4.5 3.5 8 7 11.5" />, 'ArrowLeftIcon');
export const ArrowRightIcon = make(<path d="M3.5 8h9M9 4.5 12.5 8 9 11.5" />, 'ArrowRightIcon');
export const PencilIcon = make(<path d="M10.5 3 13 5.5 6 12.5H3.5V10z" />, 'PencilIcon');
export const TrashIcon = make(<path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />, 'TrashIcon');
export const LinkIcon = make(
  <path d="M6.8 9.2a2.5 2.5 0 0 0 3.5 0l2-2a2.5 2.5 0 0 0-3.5-3.5l-.7.7M9.2 6.8a2.5 2.5 0 0 0-3.5 0l-2 2a2.5 2.5 0 0 0 3.5 3.5l.7-.7" />,
  'LinkIcon',
);
export const XIcon = make(<path d="M4 4l8 8M12 4l-8 8" />, 'XIcon');
export const CheckIcon = make(<path d="M3.5 8.5 6.5 11.5 12.5 4.5" />, 'CheckIcon');
export const AlertIcon = make(<path d="M8 2.5 14 13H2zM8 6.5v3M8 11.2v.1" />, 'AlertIcon');
export const InfoIcon = make(<path d="M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM8 7.5V11M8 5v.1" />, 'InfoIcon');
export const GridIcon = make(
  <path d="M2.5 2.5h11v11h-11zM2.5 2.5l11 11M13.5 2.5l-11 11" strokeWidth={1.4} />,
  'GridIcon',
);
export const TargetIcon = make(
  <path d="M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 8.1v-.1" />,
  'TargetIcon',
);
export const BuildingIcon = make(
  <path d="M3 13.5V3h6.5v10.5M9.5 6.5H13v7M1.5 13.5h13M5 5.5h2M5 8h2M5 10.5h2" />,
  'BuildingIcon',
);
export const PrinterIcon = make(
  <path d="M4.5 6V2.5h7V6M4.5 11H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1h-1.5M4.5 9h7v4.5h-7z" />,
  'PrinterIcon',
);
export const SidebarIcon = make(<path d="M2.5 3h11v10h-11zM6 3v10" />, 'SidebarIcon');
export const ClockIcon = make(<path d="M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM8 4.8V8l2.2 1.6" />, 'ClockIcon');
export const UndoIcon = make(<path d="M5.5 3.5 2.5 6.5l3 3M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7" />, 'UndoIcon');
export const CopyIcon = make(
  <path d="M5.5 5.5V3a.5.5 0 0 1 .5-.5h7a.5.5 0 0 1 .5.5v7a.5.5 0 0 1-.5.5h-2.5M2.5 6h7.5v7.5H2.5z" />,
  'CopyIcon',
);
export const UserIcon = make(
  <path d="M8 8a2.75 2.75 0 1 0 0-5.5A2.75 2.75 0 0 0 8 8zM2.5 14c.6-2.8 2.8-4.3 5.5-4.3s4.9 1.5 5.5 4.3" />,
  'UserIcon',
);
export const KeyIcon = make(
  <path d="M10 9.5a3.5 3.5 0 1 0-3.3-2.3L2.5 11.4V13.5h2.1v-1.2h1.2v-1.2h1.2l1.2-1.2c.5.3 1.1.6 1.8.6zM11 5v.1" />,
  'KeyIcon',
);
export const UsersIcon = make(
  <path d="M6 7.5a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5zM1.5 13c.5-2.3 2.2-3.6 4.5-3.6s4 1.3 4.5 3.6M10.5 3.2a2.25 2.25 0 0 1 0 4.2M12.2 9.6c1.2.5 2 1.6 2.3 3.4" />,
  'UsersIcon',
);
export const GlobeIcon = make(
  <path d="M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM2 8h12M8 2c1.7 1.8 2.5 3.8 2.5 6S9.7 12.2 8 14c-1.7-1.8-2.5-3.8-2.5-6S6.3 3.8 8 2z" />,
  'GlobeIcon',
);
export const SignOutIcon = make(<path d="M6.5 13.5h-3v-11h3M10 5l3 3-3 3M13 8H6" />, 'SignOutIcon');
export const InboxIcon = make(
  <path d="M2.5 9.5 4.2 3.5h7.6l1.7 6v3h-11zM2.5 9.5h3.3l.9 1.6h2.6l.9-1.6h3.3" />,
  'InboxIcon',
);
