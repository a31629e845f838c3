// OWL 2 RL profile check with the OWL API (Debian's libowlapi-java), used by
// tests/test_owl_profile.py: compiled at test time into a temporary folder.
//
//   java ProfileCheck FILE...   prints, per violation, "<file index>\t<axiom type>\t<violation>"
//                               and per file "<file index>\tCOUNT\t<number of violations>".
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLAxiom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.Profiles;

public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
            OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[i]));
            OWLProfileReport report = Profiles.OWL2_RL.checkOntology(ontology);
            for (OWLProfileViolation violation : report.getViolations()) {
                OWLAxiom axiom = violation.getAxiom();
                String type = axiom == null ? "-" : axiom.getAxiomType().getName();
                System.out.println(i + "\t" + type + "\t" + violation.toString().replace('\n', ' '));
            }
            System.out.println(i + "\tCOUNT\t" + report.getViolations().size());
        }
    }
}
