import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { CaseDocumentPage } from '../features/case-detail/case-document-page';
import { CasePage } from '../features/case-detail/case-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { LoginPage } from '../features/login/login-page';
import { MeetingPage } from '../features/meetings/meeting-page';
import { MeetingsPage } from '../features/meetings/meetings-page';
import { InvitationPage } from '../features/family-login/invitation-page';
import { FamilyPage, MyPupilsPage } from '../features/my-cases/my-cases-page';
import { OovBoardPage } from '../features/oov-board/oov-board-page';
import { OrganisationsPage } from '../features/organisations/organisations-page';
import { SchoolAdminPage } from '../features/organisations/school-admin-page';
import { PoliciesPage } from '../features/policies/policies-page';
import { PupilPage } from '../features/pupils/pupil-page';
import { SchoolCalendarPage } from '../features/school-calendar/school-calendar-page';
import { StuckCasesPage } from '../features/stuck-cases/stuck-cases-page';
import { WorkListsPage } from '../features/work-lists/work-lists-page';
import { ZorgplichtBoardPage } from '../features/zorgplicht-board/zorgplicht-board-page';
import { useAuth } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { AppShell } from './layout/app-shell';
import { NotFoundPage } from './not-found-page';
import { homePathOf } from './role-home';

// The GraphQL IDE and its editor are large: a chunk of their own, loaded on that page only.
const GraphqlIdePage = lazy(() => import('../features/graphql-ide/graphql-ide-page'));

function Protected({ children }: { children: React.ReactNode }) {
  return (
    <RequireAuth>
      <AppShell>{children}</AppShell>
    </RequireAuth>
  );
}

/** "/" is the dashboard for school staff; other roles start on their own screen. */
function Home() {
  const { session } = useAuth();
  const home = session ? homePathOf(session.user.role) : '/';
  if (home !== '/') return <Navigate to={home} replace />;
  return <DashboardPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/uitnodiging" element={<InvitationPage />} />
      <Route path="/" element={<Protected><Home /></Protected>} />
      <Route path="/casussen" element={<Protected><DashboardPage /></Protected>} />
      <Route path="/cases/:id" element={<Protected><CasePage /></Protected>} />
      {/* The link of every letter e-mail (LETTER_AVAILABLE). */}
      <Route path="/cases/:id/documents/:docId" element={<Protected><CaseDocumentPage /></Protected>} />
      {/* The pupil page (issue 17.7), reached from the app bar's search, a case page and the case lists. */}
      <Route path="/pupils/:id" element={<Protected><PupilPage /></Protected>} />
      <Route path="/swv" element={<Protected><ZorgplichtBoardPage /></Protected>} />
      <Route path="/swv/oov" element={<Protected><OovBoardPage /></Protected>} />
      <Route path="/beheer" element={<Protected><StuckCasesPage /></Protected>} />
      <Route path="/werklijsten" element={<Protected><WorkListsPage /></Protected>} />
      <Route path="/overleggen" element={<Protected><MeetingsPage /></Protected>} />
      {/* The link of every agenda e-mail (MEETING_OVERVIEW_AGENDA). */}
      <Route path="/overleggen/:id" element={<Protected><MeetingPage /></Protected>} />
      <Route path="/schoolkalender" element={<Protected><SchoolCalendarPage /></Protected>} />
      <Route path="/beleid" element={<Protected><PoliciesPage /></Protected>} />
      <Route path="/mijn-leerlingen" element={<Protected><MyPupilsPage /></Protected>} />
      <Route path="/mijn" element={<Protected><FamilyPage /></Protected>} />
      <Route path="/organisaties" element={<Protected><OrganisationsPage /></Protected>} />
      <Route path="/organisaties/scholen/:schoolId" element={<Protected><SchoolAdminPage /></Protected>} />
      {/* The GraphQL IDE (GET /graphql in a browser is sent here by the api, outside production). */}
      <Route path="/graphiql" element={<RequireAuth><Suspense fallback={null}><GraphqlIdePage /></Suspense></RequireAuth>} />
      <Route path="*" element={<Protected><NotFoundPage /></Protected>} />
    </Routes>
  );
}
