import type { RouteObject } from 'react-router';
import { actionRoutes } from '../features/actions/routes.tsx';
import { AuditTrailPage } from '../features/audit/AuditTrailPage.tsx';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { ProgrammeConcernsPage } from '../features/concerns/ProgrammeConcernsPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { ApplyPage } from '../features/enrolment/ApplyPage.tsx';
import { EnrolmentTab } from '../features/enrolment/EnrolmentTab.tsx';
import { YourApplicationPage } from '../features/enrolment/YourApplicationPage.tsx';
import { FormationTab } from '../features/formation/FormationTab.tsx';
import { InvitationPage } from '../features/invitations/InvitationPage.tsx';
import { MailMessagePage } from '../features/mail/MailMessagePage.tsx';
import { MailOutboxPage } from '../features/mail/MailOutboxPage.tsx';
import { meetingRoutes } from '../features/meetings/routes.tsx';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage.tsx';
import { NewPersonPage } from '../features/people/NewPersonPage.tsx';
import { PeoplePage } from '../features/people/PeoplePage.tsx';
import { PersonPage } from '../features/people/PersonPage.tsx';
import { NewProgrammePage } from '../features/programmes/NewProgrammePage.tsx';
import { ProgrammeLayout } from '../features/programmes/ProgrammeLayout.tsx';
import { ProgrammeOrganisationsTab } from '../features/programmes/ProgrammeOrganisationsTab.tsx';
import { ProgrammePeopleTab } from '../features/programmes/ProgrammePeopleTab.tsx';
import { ProgrammeSetsTab } from '../features/programmes/ProgrammeSetsTab.tsx';
import { ProgrammeSettingsTab } from '../features/programmes/ProgrammeSettingsTab.tsx';
import { NewProgrammePollPage } from '../features/schedule/NewProgrammePollPage.tsx';
import { ProgrammeCalendarPage } from '../features/schedule/ProgrammeCalendarPage.tsx';
import { scheduleRoutes } from '../features/schedule/routes.tsx';
import { UnsubscribePage } from '../features/schedule/UnsubscribePage.tsx';
import { NewSetPage } from '../features/sets/NewSetPage.tsx';
import { SetPage } from '../features/sets/SetPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { RequireSignIn, SignedOutOnly } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { CrashPage, Root } from './Root.tsx';

/** Every page of the web app. Links in mails point at /invitation/:token, /apply/:token, /your-application/:token and
 * /reset-password?token=. */
export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <CrashPage />,
    children: [
      { path: 'setup', element: <SetupPage /> },
      { path: 'invitation/:token', element: <InvitationPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'unsubscribe/:token', element: <UnsubscribePage /> },
      { path: 'apply/:token', element: <ApplyPage /> },
      { path: 'your-application/:token', element: <YourApplicationPage /> },
      {
        element: <SignedOutOnly />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
        ],
      },
      {
        element: <RequireSignIn />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'programmes/new', element: <NewProgrammePage /> },
          {
            path: 'programmes/:programmeId',
            element: <ProgrammeLayout />,
            children: [
              { index: true, element: <ProgrammeSetsTab /> },
              { path: 'people', element: <ProgrammePeopleTab /> },
              { path: 'organisations', element: <ProgrammeOrganisationsTab /> },
              { path: 'enrolment', element: <EnrolmentTab /> },
              { path: 'formation', element: <FormationTab /> },
              { path: 'settings', element: <ProgrammeSettingsTab /> },
              { path: 'calendar', element: <ProgrammeCalendarPage /> },
              { path: 'calendar/polls/new', element: <NewProgrammePollPage /> },
              { path: 'concerns', element: <ProgrammeConcernsPage /> },
            ],
          },
          { path: 'programmes/:programmeId/sets/new', element: <NewSetPage /> },
          { path: 'sets/:setId', element: <SetPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'people/new', element: <NewPersonPage /> },
          { path: 'people/:personId', element: <PersonPage /> },
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'mail', element: <MailOutboxPage /> },
          { path: 'mail/:mailId', element: <MailMessagePage /> },
          { path: 'audit', element: <AuditTrailPage /> },
          ...meetingRoutes,
          ...actionRoutes,
          ...scheduleRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
