/** Console entry: staff counter, director floor and reports, admin. */
import './components/register';
