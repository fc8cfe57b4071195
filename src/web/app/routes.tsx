import type { RouteObject } from 'react-router';
import { actionRoutes } from '../features/actions/routes.tsx';
import { meetingRoutes } from '../features/meetings/routes.tsx';
import { scheduleRoutes } from '../features/schedule/routes.tsx';
import { workshopRoutes } from '../features/workshops/routes.tsx';
import { RequireSignIn, SignedOutOnly } from './guards.tsx';
import { lazyFirstPage, lazyPage } from './lazy-page.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { CrashPage, Root } from './Root.tsx';

/** Every page of the web app. Links in mails point at /invitation/:token, /apply/:token, /your-application/:token and
 * /reset-password?token=. */
export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <CrashPage />,
    children: [
      {
        path: 'setup',
        lazy: lazyPage(
          () => import('../features/setup/SetupPage.tsx'),
          (m) => m.SetupPage,
        ),
      },
      {
        path: 'invitation/:token',
        lazy: lazyPage(
          () => import('../features/invitations/InvitationPage.tsx'),
          (m) => m.InvitationPage,
        ),
      },
      {
        path: 'reset-password',
        lazy: lazyPage(
          () => import('../features/auth/ResetPasswordPage.tsx'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        path: 'unsubscribe/:token',
        lazy: lazyPage(
          () => import('../features/schedule/UnsubscribePage.tsx'),
          (m) => m.UnsubscribePage,
        ),
      },
      {
        path: 'apply/:token',
        lazy: lazyPage(
          () => import('../features/enrolment/ApplyPage.tsx'),
          (m) => m.ApplyPage,
        ),
      },
      {
        path: 'your-application/:token',
        lazy: lazyPage(
          () => import('../features/enrolment/YourApplicationPage.tsx'),
          (m) => m.YourApplicationPage,
        ),
      },
      {
        element: <SignedOutOnly />,
        children: [
          {
            path: 'sign-in',
            lazy: lazyFirstPage(
              () => import('../features/auth/SignInPage.tsx'),
              (m) => m.SignInPage,
            ),
          },
          {
            path: 'forgot-password',
            lazy: lazyPage(
              () => import('../features/auth/ForgotPasswordPage.tsx'),
              (m) => m.ForgotPasswordPage,
            ),
          },
        ],
      },
      {
        element: <RequireSignIn />,
        children: [
          {
            index: true,
            lazy: lazyFirstPage(
              () => import('../features/dashboard/DashboardPage.tsx'),
              (m) => m.DashboardPage,
            ),
          },
          {
            path: 'programmes/new',
            lazy: lazyPage(
              () => import('../features/programmes/NewProgrammePage.tsx'),
              (m) => m.NewProgrammePage,
            ),
          },
          {
            path: 'programmes/:programmeId',
            lazy: lazyPage(
              () => import('../features/programmes/ProgrammeLayout.tsx'),
              (m) => m.ProgrammeLayout,
            ),
            children: [
              {
                index: true,
                lazy: lazyPage(
                  () => import('../features/programmes/ProgrammeSetsTab.tsx'),
                  (m) => m.ProgrammeSetsTab,
                ),
              },
              {
                path: 'people',
                lazy: lazyPage(
                  () => import('../features/programmes/ProgrammePeopleTab.tsx'),
                  (m) => m.ProgrammePeopleTab,
                ),
              },
              {
                path: 'organisations',
                lazy: lazyPage(
                  () => import('../features/programmes/ProgrammeOrganisationsTab.tsx'),
                  (m) => m.ProgrammeOrganisationsTab,
                ),
              },
              {
                path: 'enrolment',
                lazy: lazyPage(
                  () => import('../features/enrolment/EnrolmentTab.tsx'),
                  (m) => m.EnrolmentTab,
                ),
              },
              {
                path: 'formation',
                lazy: lazyPage(
                  () => import('../features/formation/FormationTab.tsx'),
                  (m) => m.FormationTab,
                ),
              },
              {
                path: 'settings',
                lazy: lazyPage(
                  () => import('../features/programmes/ProgrammeSettingsTab.tsx'),
                  (m) => m.ProgrammeSettingsTab,
                ),
              },
              {
                path: 'calendar',
                lazy: lazyPage(
                  () => import('../features/schedule/ProgrammeCalendarPage.tsx'),
                  (m) => m.ProgrammeCalendarPage,
                ),
              },
              {
                path: 'calendar/polls/new',
                lazy: lazyPage(
                  () => import('../features/schedule/NewProgrammePollPage.tsx'),
                  (m) => m.NewProgrammePollPage,
                ),
              },
              {
                path: 'reviews',
                lazy: lazyPage(
                  () => import('../features/feedback/ReviewsTab.tsx'),
                  (m) => m.ReviewsTab,
                ),
              },
              {
                path: 'concerns',
                lazy: lazyPage(
                  () => import('../features/concerns/ProgrammeConcernsPage.tsx'),
                  (m) => m.ProgrammeConcernsPage,
                ),
              },
              {
                path: 'workshops',
                lazy: lazyPage(
                  () => import('../features/workshops/ProgrammeWorkshopsTab.tsx'),
                  (m) => m.ProgrammeWorkshopsTab,
                ),
              },
              {
                path: 'workshops/new',
                lazy: lazyPage(
                  () => import('../features/workshops/NewWorkshopPage.tsx'),
                  (m) => m.NewWorkshopPage,
                ),
              },
            ],
          },
          {
            path: 'programmes/:programmeId/sets/new',
            lazy: lazyPage(
              () => import('../features/sets/NewSetPage.tsx'),
              (m) => m.NewSetPage,
            ),
          },
          {
            path: 'sets/:setId',
            lazy: lazyPage(
              () => import('../features/sets/SetPage.tsx'),
              (m) => m.SetPage,
            ),
          },
          {
            path: 'people',
            lazy: lazyPage(
              () => import('../features/people/PeoplePage.tsx'),
              (m) => m.PeoplePage,
            ),
          },
          {
            path: 'people/new',
            lazy: lazyPage(
              () => import('../features/people/NewPersonPage.tsx'),
              (m) => m.NewPersonPage,
            ),
          },
          {
            path: 'people/invite-coordinator',
            lazy: lazyPage(
              () => import('../features/people/InviteCoordinatorPage.tsx'),
              (m) => m.InviteCoordinatorPage,
            ),
          },
          {
            path: 'people/:personId',
            lazy: lazyPage(
              () => import('../features/people/PersonPage.tsx'),
              (m) => m.PersonPage,
            ),
          },
          {
            path: 'organisations',
            lazy: lazyPage(
              () => import('../features/organisations/OrganisationsPage.tsx'),
              (m) => m.OrganisationsPage,
            ),
          },
          {
            path: 'mail',
            lazy: lazyPage(
              () => import('../features/mail/MailOutboxPage.tsx'),
              (m) => m.MailOutboxPage,
            ),
          },
          {
            path: 'mail/:mailId',
            lazy: lazyPage(
              () => import('../features/mail/MailMessagePage.tsx'),
              (m) => m.MailMessagePage,
            ),
          },
          {
            path: 'audit',
            lazy: lazyPage(
              () => import('../features/audit/AuditTrailPage.tsx'),
              (m) => m.AuditTrailPage,
            ),
          },
          {
            path: 'reviews/:reviewId',
            lazy: lazyPage(
              () => import('../features/feedback/ReviewPage.tsx'),
              (m) => m.ReviewPage,
            ),
          },
          {
            path: 'reviews/:reviewId/report',
            lazy: lazyPage(
              () => import('../features/feedback/ReportPage.tsx'),
              (m) => m.ReportPage,
            ),
          },
          {
            path: 'data',
            lazy: lazyPage(
              () => import('../features/closing/DataRetentionPage.tsx'),
              (m) => m.DataRetentionPage,
            ),
          },
          {
            path: 'settings',
            lazy: lazyPage(
              () => import('../features/settings/SettingsPage.tsx'),
              (m) => m.SettingsPage,
            ),
          },
          {
            path: 'settings/security',
            lazy: lazyPage(
              () => import('../features/security/SecurityPage.tsx'),
              (m) => m.SecurityPage,
            ),
          },
          {
            path: 'settings/sign-in',
            lazy: lazyPage(
              () => import('../features/security/HostSignInPage.tsx'),
              (m) => m.HostSignInPage,
            ),
          },
          ...meetingRoutes,
          ...actionRoutes,
          ...scheduleRoutes,
          ...workshopRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
