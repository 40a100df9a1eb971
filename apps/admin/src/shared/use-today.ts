import { useEffect, useState } from 'react';
import { todayInAmsterdam } from './dates';

/** Today's date in Amsterdam (YYYY-MM-DD), refreshed each minute so a page left open rolls over at midnight. */
export function useToday(): string {
  const [today, setToday] = useState(() => todayInAmsterdam());
  useEffect(() => {
    const timer = window.setInterval(() => setToday(todayInAmsterdam()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}
